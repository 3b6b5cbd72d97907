package dev.autoprom.instrumentation.genai;

/**
 * What one library contributes: reading labels and token counts out of its own request and response types.
 * Implementations are bridge classes (they name library types), loaded next to the library through a
 * {@link dev.autoprom.api.Bridge}; {@link GenAiHooks} calls them and catches whatever they throw.
 *
 * <p>Never read prompts, completions, tool arguments, keys or organisation ids here: only model names and counts.
 */
public interface GenAiAdapter {

    /** A library whose adapter cannot be made: {@link GenAiHooks} records nothing for it. */
    GenAiAdapter NONE = new GenAiAdapter() {
        @Override
        public String component() {
            return "genai.adapter";
        }

        @Override
        public void onStart(GenAiCall call, Object client, Object request) {}

        @Override
        public void onResult(GenAiCall call, Object result) {}

        @Override
        public Object wrapStream(GenAiCall call, Object result) {
            return null;
        }

        @Override
        public void onEvent(GenAiCall call, Object event) {}
    };

    /** The adapter of one library, in its {@code bridge} package: made once per loader, {@link #NONE} if not. */
    static dev.autoprom.api.Bridge<GenAiAdapter> bridge(String className) {
        return dev.autoprom.api.Bridge.of(GenAiAdapter.class, className, "genai.adapter", NONE);
    }

    /** For {@code autoprom_agent_errors_total{component}}, e.g. {@code genai.openai}. */
    String component();

    /**
     * Sets operation, provider and request model from the call's target ({@code client}: the SDK service's
     * options, the framework's model object) and its request argument.
     */
    void onStart(GenAiCall call, Object client, Object request);

    /** Reads response model and usage from a finished, non-streamed result. */
    void onResult(GenAiCall call, Object result);

    /**
     * Returns a wrapper that follows {@code result} if it is one of the library's stream types, or one of its
     * streaming callbacks given by the application (the wrapper reports chunks, usage and the end to
     * {@code call}); {@code null} if it is neither.
     */
    Object wrapStream(GenAiCall call, Object result);

    /**
     * The error type for a failure of this library when its exception's simple class name says too little
     * (an SDK with one exception class for every 4xx reports the HTTP status instead); {@code null} for the
     * simple class name.
     */
    default String errorType(Throwable failure) {
        return null;
    }

    /** Reads one stream event: usage, response model, and {@link GenAiCall#chunk()} if it carries output. */
    void onEvent(GenAiCall call, Object event);

    /**
     * A realtime session begins ({@link GenAiSession}): sets its provider and request model from the SDK's client
     * and the model the application asked for. Only libraries with realtime sessions implement it.
     */
    default void onSessionStart(GenAiSession session, Object client, Object model) {}

    /** Reads one server message of a realtime session: output, usage, the end of a turn. */
    default void onSessionMessage(GenAiSession session, Object message) {}
}
