package dev.autoprom.instrumentation.http;

/**
 * The request methods that get their own label value; anything else is {@code _OTHER}, so a client sending
 * arbitrary method tokens cannot create series. Methods are handled as small indexes so the hot path compares
 * ints, not strings.
 */
public final class HttpMethods {

    public static final String OTHER = "_OTHER";
    static final String[] NAMES = {"GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH", OTHER
    };
    static final int COUNT = NAMES.length;

    private HttpMethods() {}

    /** Index of the method in {@link #NAMES}; the last index ({@code _OTHER}) for unknown or null methods. */
    public static int index(String method) {
        if (method == null) {
            return COUNT - 1;
        }
        // a string switch: String.hashCode is cached, then one equals; no allocation
        switch (method) {
            case "GET":
                return 0;
            case "HEAD":
                return 1;
            case "POST":
                return 2;
            case "PUT":
                return 3;
            case "DELETE":
                return 4;
            case "CONNECT":
                return 5;
            case "OPTIONS":
                return 6;
            case "TRACE":
                return 7;
            case "PATCH":
                return 8;
            default:
                return COUNT - 1;
        }
    }

    public static String name(int index) {
        return NAMES[index];
    }
}
