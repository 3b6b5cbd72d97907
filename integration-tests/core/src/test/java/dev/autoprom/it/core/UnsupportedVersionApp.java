package dev.autoprom.it.core;

/** Calls the look-alike {@link okhttp3.OkHttpClient} and prints what it returned. */
public class UnsupportedVersionApp {

    public static void main(String[] args) throws Exception {
        System.out.println("RESULT=" + new okhttp3.OkHttpClient().newWebSocket("ws://example.invalid/x"));
        System.out.println("READY");
        Thread.sleep(Long.MAX_VALUE);
    }
}
