package dev.autoprom.instrumentation.httpclient.urlconnection;

import java.net.HttpURLConnection;
import net.bytebuddy.asm.Advice;

/** Advice for {@code sun.net.www.protocol.http.HttpURLConnection}; each calls {@link UrlConnectionHooks}. */
final class UrlConnectionAdvice {

    private UrlConnectionAdvice() {}

    /** {@code plainConnect0()}: the connection is being opened (by {@code connect()} or a first read/write). */
    static final class Connect {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This HttpURLConnection connection) {
            UrlConnectionHooks.connecting(connection);
        }

        @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
        static void exit(@Advice.This HttpURLConnection connection, @Advice.Thrown Throwable thrown) {
            UrlConnectionHooks.connected(connection, thrown);
        }
    }

    /** {@code getOutputStream0()}: a body is being written; with streaming, the request goes out now. */
    static final class Write {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static boolean enter(
                @Advice.This HttpURLConnection connection,
                @Advice.FieldValue("inputStream") Object response,
                @Advice.FieldValue("rememberedException") Object failed) {
            return UrlConnectionHooks.sending(connection, response == null && failed == null);
        }

        @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
        static void exit(
                @Advice.This HttpURLConnection connection,
                @Advice.Enter boolean sending,
                @Advice.Thrown Throwable thrown) {
            if (sending) {
                UrlConnectionHooks.written(connection, thrown);
            }
        }
    }

    /**
     * {@code getInputStream0()}: sends the request if it is not sent yet, and reads the response headers. It calls
     * itself again (through {@code getResponseCode()}) once the headers are in: only the outer call, which found
     * no response yet, ends the request.
     */
    static final class Read {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static boolean enter(
                @Advice.This HttpURLConnection connection,
                @Advice.FieldValue("inputStream") Object response,
                @Advice.FieldValue("rememberedException") Object failed) {
            return UrlConnectionHooks.sending(connection, response == null && failed == null);
        }

        @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
        static void exit(
                @Advice.This HttpURLConnection connection,
                @Advice.Enter boolean sending,
                @Advice.FieldValue("responseCode") int status,
                @Advice.Thrown Throwable thrown) {
            if (sending) {
                UrlConnectionHooks.responded(connection, status, thrown);
            }
        }
    }

    /** {@code followRedirect0(location, status, url)}: returns true when the redirect is followed. */
    static final class Redirect {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(
                @Advice.This HttpURLConnection connection,
                @Advice.Argument(1) int status,
                @Advice.Return boolean followed) {
            UrlConnectionHooks.redirected(connection, status, followed);
        }
    }

    /** {@code disconnect()}: a request still open ends here without a response. */
    static final class Disconnect {
        @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
        static void exit(@Advice.This HttpURLConnection connection) {
            UrlConnectionHooks.disconnected(connection);
        }
    }
}
