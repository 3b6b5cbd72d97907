package dev.autoprom.instrumentation.genai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GenAiHooksTest {

    /** Counts starts and results, to see which calls are recorded. */
    static class CountingAdapter implements GenAiAdapter {
        final List<Object> started = new ArrayList<>();
        final List<Object> results = new ArrayList<>();

        @Override
        public String component() {
            return "test";
        }

        @Override
        public void onStart(GenAiCall call, Object client, Object request) {
            started.add(request);
            call.operation("chat");
            call.requestModel("m-" + request);
        }

        @Override
        public void onResult(GenAiCall call, Object result) {
            results.add(result);
        }

        @Override
        public Object wrapStream(GenAiCall call, Object result) {
            return null;
        }

        @Override
        public void onEvent(GenAiCall call, Object event) {}
    }

    @Test
    void aCallInsideAnotherOnTheSameThreadIsNotAnOperation() {
        CountingAdapter adapter = new CountingAdapter();
        GenAiCall outer = GenAiHooks.enter(adapter, null, "outer");
        GenAiCall inner = GenAiHooks.enter(adapter, null, "inner");
        GenAiHooks.exit(inner, "inner-result", null);
        assertThat(GenAiHooks.insideOperation()).isTrue();
        GenAiHooks.exit(outer, "outer-result", null);
        assertThat(GenAiHooks.insideOperation()).isFalse();
        assertThat(adapter.started).containsExactly("outer");
        assertThat(adapter.results).containsExactly("outer-result");

        // the next call on this thread is an operation again
        GenAiHooks.exit(GenAiHooks.enter(adapter, null, "next"), "next-result", null);
        assertThat(adapter.started).containsExactly("outer", "next");
    }

    @Test
    void anUnpairedExitNeverDrivesTheDepthNegative() {
        CountingAdapter adapter = new CountingAdapter();
        GenAiCall call = GenAiHooks.enter(adapter, null, "a");
        GenAiHooks.exit(call, "r", null);
        GenAiHooks.exit(call, "r", null);
        GenAiHooks.exitOpen(call, null);
        GenAiHooks.exit(GenAiHooks.enter(adapter, null, "b"), "r", null);
        assertThat(adapter.started).containsExactly("a", "b");
        assertThat(GenAiHooks.insideOperation()).isFalse();
    }

    @Test
    void anAdapterThatThrowsNeitherBreaksTheCallerNorLeavesTheThreadInside() {
        GenAiAdapter broken = new CountingAdapter() {
            @Override
            public void onStart(GenAiCall call, Object client, Object request) {
                throw new IllegalStateException("adapter bug");
            }

            @Override
            public void onResult(GenAiCall call, Object result) {
                throw new IllegalStateException("adapter bug");
            }
        };
        GenAiCall call = GenAiHooks.enter(broken, null, "x");
        assertThat(GenAiHooks.exit(call, "result", null)).isEqualTo("result");
        assertThat(GenAiHooks.insideOperation()).isFalse();
    }
}
