package dev.autoprom.instrumentation.genai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.api.AgentMetrics;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.io.EOFException;
import org.junit.jupiter.api.Test;

/** Turns and the end of a realtime session, as GoogleLiveHooks drives them. */
class GenAiSessionTest {

    /** Names the session after its "client" and reads messages "chunk", "usage", "complete". */
    static final GenAiAdapter LIVE = new GenAiHooksTest.CountingAdapter() {
        @Override
        public void onSessionStart(GenAiSession session, Object client, Object model) {
            session.provider("gcp.gemini");
            session.requestModel((String) model);
        }

        @Override
        public void onSessionMessage(GenAiSession session, Object message) {
            switch ((String) message) {
                case "chunk":
                    session.outputChunk();
                    break;
                case "usage+complete":
                    session.usage(10, 4);
                    session.turnComplete();
                    break;
                case "bug":
                    throw new IllegalStateException("adapter bug");
                default:
                    break;
            }
        }
    };

    private static long count(String metric, String model, String errorType) {
        long n = 0;
        for (MetricSnapshot snapshot : AgentMetrics.registry().scrape(name -> name.equals(metric))) {
            for (HistogramSnapshot.HistogramDataPointSnapshot p : ((HistogramSnapshot) snapshot).getDataPoints()) {
                if (p.getLabels().get("gen_ai_request_model").equals(model)
                        && p.getLabels().get("error_type").equals(errorType)) {
                    n += p.getCount();
                }
            }
        }
        return n;
    }

    @Test
    void turnsBetweenTheClientsMessageAndTurnCompleteThenOneSessionSample() {
        GenAiSession session = GenAiSession.start(LIVE, "client", "live-turns");
        for (int turn = 0; turn < 2; turn++) {
            session.clientMessage();
            session.clientMessage(); // a second message in the same turn (more audio) opens nothing
            session.serverMessage("chunk");
            session.serverMessage("chunk");
            session.serverMessage("usage+complete");
        }
        assertThat(count("gen_ai_client_operation_duration_seconds", "live-turns", ""))
                .isEqualTo(2);
        assertThat(count("gen_ai_client_operation_time_to_first_chunk_seconds", "live-turns", ""))
                .isEqualTo(2);
        assertThat(count("gen_ai_client_session_duration_seconds", "live-turns", ""))
                .isZero();
        session.closed(1000);
        session.closed(1000);
        session.failed(new EOFException());
        assertThat(count("gen_ai_client_session_duration_seconds", "live-turns", ""))
                .isEqualTo(1);
        assertThat(count("gen_ai_client_session_duration_seconds", "live-turns", "EOFException"))
                .isZero();
        // nothing opens after the end
        session.clientMessage();
        session.serverMessage("usage+complete");
        assertThat(count("gen_ai_client_operation_duration_seconds", "live-turns", ""))
                .isEqualTo(2);
    }

    @Test
    void anOpenTurnEndsWithTheSessionsErrorType() {
        GenAiSession failed = GenAiSession.start(LIVE, "client", "live-failed");
        failed.clientMessage();
        failed.serverMessage("chunk");
        failed.failed(new EOFException());
        assertThat(count("gen_ai_client_operation_duration_seconds", "live-failed", "EOFException"))
                .isEqualTo(1);
        assertThat(count("gen_ai_client_session_duration_seconds", "live-failed", "EOFException"))
                .isEqualTo(1);

        GenAiSession closedByServer = GenAiSession.start(LIVE, "client", "live-1011");
        closedByServer.serverMessage("chunk"); // the server spoke first: a turn opens on its output
        closedByServer.closed(1011);
        assertThat(count("gen_ai_client_operation_duration_seconds", "live-1011", "1011"))
                .isEqualTo(1);
        assertThat(count("gen_ai_client_session_duration_seconds", "live-1011", "1011"))
                .isEqualTo(1);
    }

    @Test
    void anAdapterFailureIsCountedAndTheSessionGoesOn() {
        GenAiSession session = GenAiSession.start(LIVE, "client", "live-bug");
        session.serverMessage("bug");
        session.clientMessage();
        session.serverMessage("usage+complete");
        session.closed(1000);
        assertThat(count("gen_ai_client_operation_duration_seconds", "live-bug", ""))
                .isEqualTo(1);
        assertThat(count("gen_ai_client_session_duration_seconds", "live-bug", ""))
                .isEqualTo(1);
    }
}
