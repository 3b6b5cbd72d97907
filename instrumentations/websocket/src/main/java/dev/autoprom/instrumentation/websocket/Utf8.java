package dev.autoprom.instrumentation.websocket;

/** UTF-8 sizes of text without encoding it (no allocation). */
public final class Utf8 {

    private Utf8() {}

    /**
     * The number of bytes {@code text} takes in UTF-8. Each surrogate counts 2, so a pair counts 4 even when a
     * library hands over the halves of a pair in two fragments.
     */
    public static long length(CharSequence text) {
        if (text == null) {
            return 0;
        }
        int n = text.length();
        long bytes = n;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                bytes += c < 0x800 || Character.isSurrogate(c) ? 1 : 2;
            }
        }
        return bytes;
    }
}
