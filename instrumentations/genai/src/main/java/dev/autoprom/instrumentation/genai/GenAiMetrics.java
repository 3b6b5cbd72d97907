package dev.autoprom.instrumentation.genai;

import static dev.autoprom.instrumentation.genai.GenAiMetricNames.*;

import dev.autoprom.api.AgentMetrics;
import dev.autoprom.api.CappedSeries;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Histogram;

/**
 * The four genai histograms. Model names come from the application, so every label set goes through
 * {@link CappedSeries}. Called once per finished operation by {@link GenAiCall}.
 */
final class GenAiMetrics {

    private static final Histogram DURATION = AgentMetrics.histogram(
                    OPERATION_DURATION,
                    "Duration of GenAI client operations (a stream: until it completes, " + "fails or is closed).",
                    DURATION_BUCKETS)
            .labelNames(OPERATION_NAME, PROVIDER_NAME, REQUEST_MODEL, RESPONSE_MODEL, ERROR_TYPE)
            .register(AgentMetrics.registry());
    private static final Histogram TOKENS = AgentMetrics.histogram(
                    TOKEN_USAGE,
                    "Tokens used per GenAI client operation, input and output, as reported " + "by the provider.",
                    TOKEN_BUCKETS)
            .labelNames(OPERATION_NAME, PROVIDER_NAME, REQUEST_MODEL, RESPONSE_MODEL, ERROR_TYPE, TOKEN_TYPE)
            .register(AgentMetrics.registry());
    private static final Histogram FIRST_CHUNK = AgentMetrics.histogram(
                    TIME_TO_FIRST_CHUNK,
                    "Time from the request to the first output chunk of a streamed " + "GenAI operation.",
                    DURATION_BUCKETS)
            .labelNames(OPERATION_NAME, PROVIDER_NAME, REQUEST_MODEL, RESPONSE_MODEL, ERROR_TYPE)
            .register(AgentMetrics.registry());
    private static final Histogram PER_CHUNK = AgentMetrics.histogram(
                    TIME_PER_OUTPUT_CHUNK,
                    "Mean time between output chunks after the first, one sample per "
                            + "streamed GenAI operation with two chunks or more.",
                    DURATION_BUCKETS)
            .labelNames(OPERATION_NAME, PROVIDER_NAME, REQUEST_MODEL, RESPONSE_MODEL, ERROR_TYPE)
            .register(AgentMetrics.registry());

    private static final Histogram SESSION = AgentMetrics.histogram(
                    SESSION_DURATION,
                    "Duration of GenAI realtime sessions, from connecting until the socket "
                            + "closed or failed; error_type when it failed.",
                    SESSION_BUCKETS)
            .labelNames(PROVIDER_NAME, REQUEST_MODEL, ERROR_TYPE)
            .register(AgentMetrics.registry());

    private static final CappedSeries<DistributionDataPoint> SESSION_SERIES =
            new CappedSeries<>(SESSION, SESSION_DURATION, 3);
    private static final CappedSeries<DistributionDataPoint> DURATION_SERIES =
            new CappedSeries<>(DURATION, OPERATION_DURATION, 5);
    private static final CappedSeries<DistributionDataPoint> TOKEN_SERIES = new CappedSeries<>(TOKENS, TOKEN_USAGE, 6);
    private static final CappedSeries<DistributionDataPoint> FIRST_CHUNK_SERIES =
            new CappedSeries<>(FIRST_CHUNK, TIME_TO_FIRST_CHUNK, 5);
    private static final CappedSeries<DistributionDataPoint> PER_CHUNK_SERIES =
            new CappedSeries<>(PER_CHUNK, TIME_PER_OUTPUT_CHUNK, 5);

    private static final double NANOS_PER_SECOND = 1_000_000_000.0;

    private GenAiMetrics() {}

    /** One ended session; rare (once per session), so its label array is its own. */
    static void recordSession(String provider, String model, String errorType, long nanos) {
        SESSION_SERIES.get(provider, model, errorType).observe(nanos / NANOS_PER_SECOND);
    }

    static void record(GenAiCall call, long endNanos, String errorType) {
        String[] labels = call.durationLabels;
        labels[0] = call.operation;
        labels[1] = call.provider;
        labels[2] = call.requestModel;
        labels[3] = call.responseModel;
        labels[4] = errorType;
        DURATION_SERIES.get(labels).observe((endNanos - call.startNanos) / NANOS_PER_SECOND);
        if (call.inputTokens >= 0 || call.outputTokens >= 0) {
            String[] tokenLabels = call.tokenLabels;
            System.arraycopy(labels, 0, tokenLabels, 0, labels.length);
            if (call.inputTokens >= 0) {
                tokenLabels[5] = INPUT;
                TOKEN_SERIES.get(tokenLabels).observe(call.inputTokens);
            }
            if (call.outputTokens >= 0) {
                tokenLabels[5] = OUTPUT;
                TOKEN_SERIES.get(tokenLabels).observe(call.outputTokens);
            }
            GenAiCost.record(call);
        }
        if (call.streaming && call.chunks > 0) {
            FIRST_CHUNK_SERIES.get(labels).observe((call.firstChunkNanos - call.startNanos) / NANOS_PER_SECOND);
            if (call.chunks > 1) {
                PER_CHUNK_SERIES
                        .get(labels)
                        .observe((call.lastChunkNanos - call.firstChunkNanos) / NANOS_PER_SECOND / (call.chunks - 1));
            }
        }
    }
}
