package dev.autoprom.instrumentation.genai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.api.TokenPrice;
import dev.autoprom.api.TokenPrices;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A blocking call with known labels allocates nothing: the thread's ended operation is reused and the label
 * values go through arrays the operation owns. A stream keeps its operation, so the next call gets a new one.
 */
class GenAiHooksHotPathTest {

    private static final int CALLS = Integer.getInteger("hotpath.calls", 200_000);

    /** Sets the labels and token counts the way the SDK adapters do, from plain objects. */
    static class FixedAdapter extends GenAiHooksTest.CountingAdapter {
        @Override
        public void onStart(GenAiCall call, Object client, Object request) {
            call.operation("chat");
            call.provider("openai");
            call.requestModel("gpt-4o-mini");
        }

        @Override
        public void onResult(GenAiCall call, Object result) {
            call.responseModel("gpt-4o-mini-2024-07-18");
            call.inputTokens(1200);
            call.outputTokens(350);
        }
    }

    @Test
    void blockingCallsAllocateNothingOnceWarm() {
        assertThat(allocatedOnceWarm(new FixedAdapter(), "genai hot path")).isLessThan(2048);
    }

    @Test
    void pricedCallsAllocateNothingOnceWarmEither() {
        TokenPrices.install(TokenPrices.of(
                "test", List.of(new TokenPrice("openai", "gpt-4o-mini", 0.15, 0.60, 0.075, 1)), List.of()));
        try {
            GenAiAdapter priced = new FixedAdapter() {
                @Override
                public void onResult(GenAiCall call, Object result) {
                    super.onResult(call, result);
                    call.cachedInputTokens(300, true);
                }
            };
            assertThat(allocatedOnceWarm(priced, "genai hot path with cost")).isLessThan(2048);
        } finally {
            TokenPrices.install(TokenPrices.NONE);
        }
    }

    private static long allocatedOnceWarm(GenAiAdapter adapter, String what) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocated = Long.MAX_VALUE;
        long nanosPerCall = 0;
        // until C2 has compiled the path, the Prometheus client's observe() allocates a short-lived object
        for (int round = 0; round < 15 && allocated >= 2048; round++) {
            long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
            long start = System.nanoTime();
            for (int i = 0; i < CALLS; i++) {
                GenAiHooks.exit(GenAiHooks.enter(adapter, "client", "request"), "response", null);
            }
            nanosPerCall = (System.nanoTime() - start) / CALLS;
            allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        }
        System.out.println(what + ": " + nanosPerCall + " ns per recorded call, " + allocated + " bytes allocated over "
                + CALLS + " calls");
        return allocated;
    }

    @Test
    void aBlockingCallsObjectIsReusedAndAStreamsIsNot() {
        GenAiAdapter blocking = new FixedAdapter();
        GenAiCall first = GenAiHooks.enter(blocking, "client", "a");
        GenAiHooks.exit(first, "response", null);
        GenAiCall second = GenAiHooks.enter(blocking, "client", "b");
        assertThat(second).isSameAs(first);
        assertThat(second.isEnded()).isFalse();
        assertThat(second.inputTokens).isEqualTo(-1);
        GenAiHooks.exit(second, "response", null);

        Object stream = new Object();
        GenAiAdapter streaming = new FixedAdapter() {
            @Override
            public Object wrapStream(GenAiCall call, Object result) {
                return result == stream ? "wrapped" : null;
            }
        };
        GenAiCall streamed = GenAiHooks.enter(streaming, "client", "c");
        assertThat(GenAiHooks.exit(streamed, stream, null)).isEqualTo("wrapped");
        GenAiCall next = GenAiHooks.enter(blocking, "client", "d");
        // the stream still owns its operation (it ends when the application finishes reading)
        assertThat(streamed.isEnded()).isFalse();
        GenAiHooks.exit(next, "response", null);
        GenAiCall after = GenAiHooks.enter(blocking, "client", "e");
        GenAiHooks.exit(after, "response", null);
        assertThat(after).isSameAs(next).isNotSameAs(streamed);
    }
}
