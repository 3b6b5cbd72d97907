package dev.autoprom.instrumentation.genai.googlegenai;

import dev.autoprom.api.WeakIdentityMap;
import dev.autoprom.instrumentation.genai.GenAiAdapter;
import dev.autoprom.instrumentation.genai.GenAiSession;
import java.util.function.Consumer;

/**
 * What the Live API advice calls ({@code java.base} types only). {@code AsyncLive.connect(model, config)} names the
 * model and creates, on the same thread, the SDK's per-session WebSocket listener ({@code AsyncLive$GenAiWebSocketClient});
 * the model is handed from one to the other through a thread-local, and the listener object is then the session's
 * key (weakly held: a session the application drops without a close is forgotten with it).
 */
public final class GoogleLiveHooks {

    private static final ThreadLocal<String> CONNECTING = new ThreadLocal<>();
    private static final WeakIdentityMap<GenAiSession> SESSIONS = new WeakIdentityMap<>();

    private GoogleLiveHooks() {}

    /** {@code AsyncLive.connect} entered with this model. */
    public static void connecting(String model) {
        CONNECTING.set(model == null ? "" : model);
    }

    /** {@code AsyncLive.connect} returned (or threw). */
    public static void connectDone() {
        CONNECTING.remove();
    }

    /** The session's listener was created inside {@code connect}: the session starts now. */
    public static void created(GenAiAdapter adapter, Object listener, Object apiClient) {
        String model = CONNECTING.get();
        if (model == null || adapter == null || adapter == GenAiAdapter.NONE) {
            return; // made outside connect(): not a session we can name
        }
        SESSIONS.put(listener, GenAiSession.start(adapter, apiClient, model));
    }

    /** The application sent a message through the session (content, realtime input, tool response). */
    public static void sent(Object listener) {
        GenAiSession session = SESSIONS.get(listener);
        if (session != null) {
            session.clientMessage();
        }
    }

    /**
     * The application's receive callback, wrapped so that every server message is read first (then handed on, the
     * same object, on the same thread); the callback itself when the session is not followed.
     */
    public static Object callback(Object listener, Object callback) {
        GenAiSession session = SESSIONS.get(listener);
        if (session == null || !(callback instanceof Consumer)) {
            return callback;
        }
        return new TrackedCallback((Consumer<?>) callback, session);
    }

    public static void closed(Object listener, int code) {
        GenAiSession session = SESSIONS.remove(listener);
        if (session != null) {
            session.closed(code);
        }
    }

    public static void failed(Object listener, Throwable failure) {
        GenAiSession session = SESSIONS.remove(listener);
        if (session != null) {
            session.failed(failure);
        }
    }

    /** The application's {@code Consumer<LiveServerMessage>}; a java.base type, so no bridge is needed. */
    private static final class TrackedCallback implements Consumer<Object> {
        private final Consumer<Object> delegate;
        private final GenAiSession session;

        @SuppressWarnings("unchecked")
        TrackedCallback(Consumer<?> delegate, GenAiSession session) {
            this.delegate = (Consumer<Object>) delegate;
            this.session = session;
        }

        @Override
        public void accept(Object message) {
            session.serverMessage(message);
            delegate.accept(message);
        }
    }
}
