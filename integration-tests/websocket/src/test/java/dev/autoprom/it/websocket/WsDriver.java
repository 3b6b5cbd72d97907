package dev.autoprom.it.websocket;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** One client library as the contract tests drive it: connect, send, receive, close. */
interface WsDriver {

    /** The expected {@code websocket_library} label. */
    String library();

    /** Whether the library's API can send one message in several fragments. */
    boolean sendsFragments();

    /** What the library throws (or reports) when the server answers the upgrade with 404. */
    Class<? extends Throwable> rejectedUpgradeFailure();

    /** What the library throws when nothing listens on the port. */
    default Class<? extends Throwable> refusedConnectionFailure() {
        return java.net.ConnectException.class;
    }

    /** Connects and waits for the open; throws what the library reports when the handshake fails. */
    Connection connect(URI uri) throws Exception;

    /** An open connection; what the application receives is collected in {@link #messages}. */
    abstract class Connection {
        /** The text that makes the application's listener throw {@link IllegalStateException} when it arrives. */
        static final String THROW_ME = "throw-me";

        /** Whole received messages: {@code String} or {@code byte[]}. */
        final BlockingQueue<Object> messages = new LinkedBlockingQueue<>();

        final CountDownLatch ended = new CountDownLatch(1);

        /** Set by a test: how long every call of the application's listener takes (0: no time at all). */
        volatile long handlingMillis;

        volatile String end = "";

        abstract void sendText(String text) throws Exception;

        abstract void sendBinary(byte[] data) throws Exception;

        /** Sends one text message in these fragments (only if {@link #sendsFragments()}). */
        void sendTextFragments(String... parts) throws Exception {
            throw new UnsupportedOperationException();
        }

        /** Sends a ping; returns its payload size, or -1 when the library's API cannot send one. */
        int sendPing() throws Exception {
            return -1;
        }

        /** Drops the connection without a close handshake; false when the library's API cannot. */
        boolean abort() {
            return false;
        }

        /** Starts a clean close (1000); {@link #awaitEnd} waits for its completion. */
        abstract void close() throws Exception;

        /** The application's listener was called (with a message or a part): it takes {@link #handlingMillis}. */
        void listenerCalled() {
            long millis = handlingMillis;
            if (millis > 0) {
                try {
                    Thread.sleep(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        /** A whole message reached the application's listener: {@value #THROW_ME} makes it throw, the rest is kept. */
        void deliver(Object message) {
            if (THROW_ME.equals(message)) {
                throw new IllegalStateException("the application's listener failed");
            }
            messages.add(message);
        }

        Object nextMessage() throws InterruptedException {
            Object message = messages.poll(20, TimeUnit.SECONDS);
            if (message == null) {
                throw new AssertionError("no message within 20s");
            }
            return message;
        }

        /** Waits until the library told the application the connection ended; returns how ("close 1000"). */
        String awaitEnd() throws InterruptedException {
            if (!ended.await(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("connection did not end within 30s");
            }
            return end;
        }

        void ended(String how) {
            if (ended.getCount() > 0) {
                end = how;
                ended.countDown();
            }
        }
    }
}
