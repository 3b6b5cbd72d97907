package dev.autoprom.it.httpclient;

import java.time.Duration;
import java.util.function.BiConsumer;

/** One client library as an application uses it, for {@link HttpClientContract}. */
interface ClientDriver {

    /** A client with these timeouts (connect, and waiting for the response). */
    Client client(Duration connectTimeout, Duration readTimeout) throws Exception;

    interface Client extends AutoCloseable {

        /** One request (POST and PUT with an empty body); returns the status, throws what the library throws. */
        int send(String method, String url) throws Exception;

        /**
         * An asynchronous request whose outcome goes to {@code callback} (status or failure); null when the
         * library has no asynchronous API.
         */
        default Call sendAsync(String method, String url, BiConsumer<Integer, Throwable> callback) throws Exception {
            return null;
        }

        @Override
        default void close() throws Exception {}
    }

    /** An asynchronous request in flight. */
    interface Call {
        void cancel();
    }
}
