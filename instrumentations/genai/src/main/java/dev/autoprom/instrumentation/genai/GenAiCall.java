package dev.autoprom.instrumentation.genai;

import dev.autoprom.api.SelfMetrics;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * One logical GenAI operation, from the moment the application called the SDK or framework until its result,
 * its future or its stream finished. Adapters fill in labels and usage; the first of {@link #end(Throwable)} /
 * {@link #closed()} records the metrics, later ones are ignored, so an operation is recorded exactly once.
 *
 * <p>The fields are written by one thread at a time (the caller, then the SDK's stream or future thread, which
 * the SDK hands over with a happens-before edge), so they need no locking.
 */
public final class GenAiCall {

    private static final AtomicIntegerFieldUpdater<GenAiCall> ENDED =
            AtomicIntegerFieldUpdater.newUpdater(GenAiCall.class, "ended");

    GenAiAdapter adapter;
    long startNanos;
    String operation = "";
    String provider = "";
    String requestModel = "";
    String responseModel = "";
    long inputTokens = -1;
    long outputTokens = -1;
    /** Input tokens the provider read from its prompt cache, or -1 when it did not say. */
    long cachedInputTokens = -1;
    /** Whether {@link #inputTokens} already counts the cached ones (OpenAI) or not (Anthropic, Bedrock). */
    boolean cachedIncludedInInput;

    boolean streaming;
    int chunks;
    long firstChunkNanos;
    long lastChunkNanos;
    /** What an adapter keeps while it follows this operation's stream (see {@link #adapterState()}). */
    private Object adapterState;

    private volatile int ended;
    /** Label values handed to the series look-ups, filled per observation: no array per operation. */
    final String[] durationLabels = new String[5];

    final String[] tokenLabels = new String[6];
    final String[] costLabels = new String[3];

    GenAiCall(GenAiAdapter adapter, long startNanos) {
        this.adapter = adapter;
        this.startNanos = startNanos;
    }

    /**
     * Makes an ended operation a new one, so that a thread's synchronous calls reuse one object (see
     * {@link GenAiHooks}). Only for an operation nothing else refers to any more.
     */
    void reset(GenAiAdapter newAdapter, long newStartNanos) {
        adapter = newAdapter;
        startNanos = newStartNanos;
        operation = "";
        provider = "";
        requestModel = "";
        responseModel = "";
        inputTokens = -1;
        outputTokens = -1;
        cachedInputTokens = -1;
        cachedIncludedInInput = false;
        streaming = false;
        chunks = 0;
        firstChunkNanos = 0;
        lastChunkNanos = 0;
        adapterState = null;
        ended = 0;
    }

    public void operation(String name) {
        operation = name;
    }

    public void provider(String name) {
        provider = name;
    }

    public void requestModel(String model) {
        if (model != null) {
            requestModel = model;
        }
    }

    public void responseModel(String model) {
        if (model != null && !model.isEmpty()) {
            responseModel = model;
        }
    }

    public String requestModel() {
        return requestModel;
    }

    public void inputTokens(long tokens) {
        inputTokens = tokens;
    }

    public void outputTokens(long tokens) {
        outputTokens = tokens;
    }

    /**
     * Input tokens read from the provider's prompt cache, which some providers bill at a lower price; only the
     * cost uses them (the token histogram keeps the input count as the provider reports it).
     *
     * @param includedInInput whether the provider's input count already contains them (OpenAI's
     *     {@code cached_tokens}) or they come on top (Anthropic's and Bedrock's cache reads)
     */
    public void cachedInputTokens(long tokens, boolean includedInInput) {
        cachedInputTokens = tokens;
        cachedIncludedInInput = includedInInput;
    }

    /**
     * State the adapter keeps for this operation while it follows a stream, created at its first event (Bedrock:
     * the reader of the model's chunk JSON), so that later events reuse it instead of allocating; null until set.
     * Touched by one thread at a time, like the other fields.
     */
    public Object adapterState() {
        return adapterState;
    }

    public void adapterState(Object state) {
        adapterState = state;
    }

    /** One output chunk of a stream arrived now. */
    public void chunk() {
        long now = System.nanoTime();
        if (chunks++ == 0) {
            firstChunkNanos = now;
        }
        lastChunkNanos = now;
    }

    /** A stream event arrived: the adapter reads it. Never throws. */
    public void event(Object event) {
        try {
            adapter.onEvent(this, event);
        } catch (Throwable t) {
            SelfMetrics.recordError(adapter.component(), t);
        }
    }

    /** The operation finished, with {@code failure} or successfully when it is null. Never throws. */
    public void end(Throwable failure) {
        if (!ENDED.compareAndSet(this, 0, 1)) {
            return;
        }
        record(failure == null ? "" : errorType(adapter, failure));
    }

    /**
     * Ends with an error type known without an exception (a realtime turn cut short by a WebSocket close code);
     * empty for success. Ignored if the operation had ended.
     */
    void endAs(String errorType) {
        if (ENDED.compareAndSet(this, 0, 1)) {
            record(errorType);
        }
    }

    private void record(String errorType) {
        try {
            GenAiMetrics.record(this, System.nanoTime(), errorType);
        } catch (Throwable t) {
            SelfMetrics.recordError(adapter.component(), t);
        }
    }

    /** The application closed the stream: that ends it (as a success) unless it had already ended. */
    public void closed() {
        end(null);
    }

    boolean isEnded() {
        return ended != 0;
    }

    /**
     * The SDK exception's simple class name (or what the adapter prefers, e.g. an HTTP status), unwrapped from
     * the future's wrapper exceptions.
     */
    static String errorType(GenAiAdapter adapter, Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        String type = adapter.errorType(t);
        if (type != null) {
            return type;
        }
        String name = t.getClass().getSimpleName();
        return name.isEmpty() ? t.getClass().getName() : name;
    }
}
