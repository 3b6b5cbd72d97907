package dev.autoprom.instrumentation.genai;

import dev.autoprom.api.SelfMetrics;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One realtime session (the Gemini Live API over a WebSocket): one {@code gen_ai_client_session_duration_seconds}
 * sample when it ends, and one operation ({@link GenAiCall}, recorded like a stream: duration, time to first chunk,
 * tokens) per turn.
 *
 * <p>A turn begins with the application's first message after the previous turn ended (or with the server's first
 * output, should the server speak first) and ends when the server says the turn is complete. The session ends
 * when its socket closes ({@code 1000}: success, another code: that code as {@code error_type}) or fails (the
 * exception's simple name, e.g. {@code EOFException} when the server drops the connection); a turn still open then
 * ends with it, as a success when the application closed the session, else with the session's error type.
 *
 * <p>The application's sends and the SDK's reader thread meet here, so the open turn is an atomic reference and the
 * end a flag: no lock on the way of a message.
 */
public final class GenAiSession {

    private final GenAiAdapter adapter;
    private final long startNanos;
    private volatile String provider = "";
    private volatile String requestModel = "";
    private final AtomicReference<GenAiCall> turn = new AtomicReference<>();
    private final AtomicBoolean ended = new AtomicBoolean();

    private GenAiSession(GenAiAdapter adapter, long startNanos) {
        this.adapter = adapter;
        this.startNanos = startNanos;
    }

    /** A session the application is connecting now; the adapter reads provider and model. Never throws. */
    public static GenAiSession start(GenAiAdapter adapter, Object client, Object model) {
        GenAiSession session = new GenAiSession(adapter, System.nanoTime());
        try {
            adapter.onSessionStart(session, client, model);
        } catch (Throwable t) {
            SelfMetrics.recordError(adapter.component(), t);
        }
        return session;
    }

    public void provider(String name) {
        if (name != null) {
            provider = name;
        }
    }

    public void requestModel(String model) {
        if (model != null) {
            requestModel = model;
        }
    }

    /** The application sent a message (content, realtime input, a tool response): a turn begins if none is open. */
    public void clientMessage() {
        openTurn();
    }

    /** A message from the server: the adapter reads it. Never throws. */
    public void serverMessage(Object message) {
        try {
            adapter.onSessionMessage(this, message);
        } catch (Throwable t) {
            SelfMetrics.recordError(adapter.component(), t);
        }
    }

    /** The server sent output (text, audio, a transcription) in the current turn. */
    public void outputChunk() {
        GenAiCall call = openTurn();
        if (call != null) {
            call.chunk();
        }
    }

    /** The server's usage metadata for the current turn (-1: not reported). */
    public void usage(long inputTokens, long outputTokens) {
        GenAiCall call = turn.get();
        if (call == null) {
            return;
        }
        if (inputTokens >= 0) {
            call.inputTokens(inputTokens);
        }
        if (outputTokens >= 0) {
            call.outputTokens(outputTokens);
        }
    }

    /** The server completed the turn: it is recorded now. */
    public void turnComplete() {
        GenAiCall call = turn.getAndSet(null);
        if (call != null) {
            call.end(null);
        }
    }

    /** The socket closed with this close code. Never throws. */
    public void closed(int code) {
        end(code == 1000 ? "" : Integer.toString(code));
    }

    /** The socket failed (or could not be opened). Never throws. */
    public void failed(Throwable failure) {
        end(failure == null ? "_OTHER" : GenAiCall.errorType(adapter, failure));
    }

    private GenAiCall openTurn() {
        GenAiCall current = turn.get();
        if (current != null || ended.get()) {
            return current;
        }
        GenAiCall call = new GenAiCall(adapter, System.nanoTime());
        call.operation(GenAiMetricNames.CHAT);
        call.provider(provider);
        call.requestModel(requestModel);
        call.streaming = true;
        return turn.compareAndSet(null, call) ? call : turn.get();
    }

    private void end(String errorType) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        try {
            GenAiCall open = turn.getAndSet(null);
            if (open != null) {
                open.endAs(errorType);
            }
            GenAiMetrics.recordSession(provider, requestModel, errorType, System.nanoTime() - startNanos);
        } catch (Throwable t) {
            SelfMetrics.recordError(adapter.component(), t);
        }
    }
}
