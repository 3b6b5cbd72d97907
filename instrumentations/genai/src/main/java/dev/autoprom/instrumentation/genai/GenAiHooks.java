package dev.autoprom.instrumentation.genai;

import dev.autoprom.api.SelfMetrics;
import java.util.concurrent.CompletableFuture;

/**
 * The entry and exit every genai advice calls. An operation is started only by the outermost instrumented call
 * on a thread: LangChain4j or Spring AI calling an instrumented SDK, or an SDK method calling its own overload,
 * is one operation (per-thread depth). The synchronous part of a call ends at method exit; a future or a stream
 * keeps the operation open until it completes.
 */
public final class GenAiHooks {

    private static final ThreadLocal<CallerThread> THREAD = ThreadLocal.withInitial(CallerThread::new);
    /** Returned for a call nested in another one on the same thread: exit only unwinds the depth. */
    private static final GenAiCall NESTED = new GenAiCall(null, 0);

    private GenAiHooks() {}

    /**
     * Called on method entry. Returns the new operation, {@code NESTED} inside another one, or {@code null}
     * (nothing to undo) when the adapter is unavailable.
     */
    public static GenAiCall enter(GenAiAdapter adapter, Object client, Object request) {
        return enter(adapter, client, request, null);
    }

    /** As {@link #enter(GenAiAdapter, Object, Object)}, with the operation name known from the hooked method. */
    public static GenAiCall enter(GenAiAdapter adapter, Object client, Object request, String operation) {
        if (adapter == null || adapter == GenAiAdapter.NONE) {
            return null;
        }
        CallerThread thread = THREAD.get();
        if (thread.depth > 0) {
            thread.depth++;
            return NESTED;
        }
        GenAiCall call = thread.spare;
        if (call != null) {
            thread.spare = null;
            call.reset(adapter, System.nanoTime());
        } else {
            call = new GenAiCall(adapter, System.nanoTime());
        }
        if (operation != null) {
            call.operation(operation);
        }
        try {
            adapter.onStart(call, client, request);
        } catch (Throwable t) {
            SelfMetrics.recordError(adapter.component(), t);
        }
        thread.depth = 1;
        return call;
    }

    /**
     * Called on method exit with what the method returned or threw. Returns the value the method must return:
     * {@code result} itself, or for a stream a wrapper that follows it (see {@link GenAiAdapter#wrapStream}).
     */
    public static Object exit(GenAiCall call, Object result, Throwable thrown) {
        if (call == null) {
            return result;
        }
        CallerThread thread = leave();
        if (call == NESTED) {
            return result;
        }
        if (thrown != null) {
            call.end(thrown);
            thread.recycle(call);
            return result;
        }
        try {
            if (result instanceof CompletableFuture) {
                // a dependent stage: the application's future is neither changed nor completed by us
                ((CompletableFuture<?>) result).whenComplete((value, failure) -> complete(call, value, failure));
                return result;
            }
            Object wrapped = call.adapter.wrapStream(call, result);
            if (wrapped != null) {
                call.streaming = true;
                return wrapped;
            }
            complete(call, result, null);
            thread.recycle(call);
        } catch (Throwable t) {
            SelfMetrics.recordError(call.adapter.component(), t);
            call.end(null);
        }
        return result;
    }

    /**
     * Called on exit of a method whose operation continues elsewhere (a streaming call that reports to a handler
     * it was given): only a thrown exception ends it here.
     */
    public static void exitOpen(GenAiCall call, Throwable thrown) {
        if (call == null) {
            return;
        }
        leave();
        if (call != NESTED && thrown != null) {
            call.end(thrown);
        }
    }

    /**
     * For APIs that stream to a callback the application passes in (LangChain4j's streaming handler, ...): returns
     * the callback wrapped by the adapter so that chunks and the end reach the operation, or {@code callback}
     * itself when this call is not recorded or the adapter does not know the type. Never throws.
     */
    public static Object wrapCallback(GenAiCall call, Object callback) {
        if (call == null || call == NESTED || callback == null) {
            return callback;
        }
        try {
            Object wrapped = call.adapter.wrapStream(call, callback);
            if (wrapped != null) {
                call.streaming = true;
                return wrapped;
            }
        } catch (Throwable t) {
            SelfMetrics.recordError(call.adapter.component(), t);
        }
        return callback;
    }

    /** A callback-style operation delivered its final result (response model, usage) and ended. Never throws. */
    public static void completeCallback(GenAiCall call, Object result) {
        complete(call, result, null);
    }

    /**
     * Runs {@code work} (a framework subscribing to its lazy stream, which is when reactive integrations call the
     * SDK underneath) as if inside an operation on this thread, so that an instrumented SDK called by it is not
     * recorded a second time.
     */
    public static void runInside(Runnable work) {
        CallerThread thread = THREAD.get();
        thread.depth++;
        try {
            work.run();
        } finally {
            if (thread.depth > 0) {
                thread.depth--;
            }
        }
    }

    /** One level less on this thread; never below zero, whatever happens to the pairing of enter and exit. */
    private static CallerThread leave() {
        CallerThread thread = THREAD.get();
        if (thread.depth > 0) {
            thread.depth--;
        }
        return thread;
    }

    /** Whether an operation is open on this thread (for tests). */
    static boolean insideOperation() {
        return THREAD.get().depth > 0;
    }

    /**
     * Per application thread: how deep in instrumented calls it is, and one ended operation kept for its next
     * call. A blocking call ends on the thread that made it, before its exit returns, and nothing holds it
     * afterwards, so its object is reused: a thread's blocking calls allocate nothing. A future or a stream
     * keeps its operation (it ends later, elsewhere), and the next call gets a new object.
     */
    private static final class CallerThread {
        int depth;
        GenAiCall spare;

        void recycle(GenAiCall call) {
            if (call.isEnded() && !call.streaming && spare == null) {
                spare = call;
            }
        }
    }

    private static void complete(GenAiCall call, Object value, Throwable failure) {
        if (failure == null) {
            try {
                // a future may complete with a stream (google-genai's async generateContentStream): the adapter
                // then follows the stream, which ends the operation
                if (value != null && call.adapter.wrapStream(call, value) != null) {
                    call.streaming = true;
                    return;
                }
                call.adapter.onResult(call, value);
            } catch (Throwable t) {
                SelfMetrics.recordError(call.adapter.component(), t);
            }
        }
        call.end(failure);
    }
}
