package dev.autoprom.instrumentation.genai;

/** Names, labels and buckets of the genai family, as in the design's metric catalog (OpenTelemetry GenAI spelling). */
public final class GenAiMetricNames {

    public static final String OPERATION_DURATION = "gen_ai_client_operation_duration_seconds";
    public static final String TOKEN_USAGE = "gen_ai_client_token_usage";
    public static final String TIME_TO_FIRST_CHUNK = "gen_ai_client_operation_time_to_first_chunk_seconds";
    public static final String TIME_PER_OUTPUT_CHUNK = "gen_ai_client_operation_time_per_output_chunk_seconds";
    /** Realtime sessions (the Gemini Live API): one sample per session. */
    public static final String SESSION_DURATION = "gen_ai_client_session_duration_seconds";
    /** Only for models in {@code autoprom.genai.prices.file}. */
    public static final String COST = "gen_ai_client_cost_usd_total";

    public static final String OPERATION_NAME = "gen_ai_operation_name";
    public static final String PROVIDER_NAME = "gen_ai_provider_name";
    public static final String REQUEST_MODEL = "gen_ai_request_model";
    public static final String RESPONSE_MODEL = "gen_ai_response_model";
    public static final String ERROR_TYPE = "error_type";
    public static final String TOKEN_TYPE = "gen_ai_token_type";

    /** gen_ai_token_type values; {@code cached_input} only on the cost counter. */
    public static final String INPUT = "input";

    public static final String OUTPUT = "output";
    public static final String CACHED_INPUT = "cached_input";

    /** gen_ai_operation_name values (OpenTelemetry GenAI conventions). */
    public static final String CHAT = "chat";

    public static final String EMBEDDINGS = "embeddings";
    public static final String GENERATE_CONTENT = "generate_content";

    /** 0.01 0.02 0.04 ... 81.92: doubling, as the OpenTelemetry GenAI conventions advise. */
    public static final double[] DURATION_BUCKETS = exponential(0.01, 2, 14);
    /**
     * Sessions last from a failed connect (well under a second) to the API's session limits (minutes; longer
     * with resumption): 0.1 s to one hour.
     */
    public static final double[] SESSION_BUCKETS = {0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 900, 1800, 3600};
    /** 1 4 16 ... 67108864: times four. */
    public static final double[] TOKEN_BUCKETS = exponential(1, 4, 14);

    private GenAiMetricNames() {}

    private static double[] exponential(double start, double factor, int count) {
        double[] buckets = new double[count];
        double value = start;
        for (int i = 0; i < count; i++) {
            // rounded so that the le labels read 0.08, not 0.08000000000000002
            buckets[i] = Math.round(value * 100.0) / 100.0;
            value *= factor;
        }
        return buckets;
    }
}
