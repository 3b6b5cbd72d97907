package dev.autoprom.instrumentation.genai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class GenAiCallTest {

    static final class RateLimitException extends RuntimeException {}

    private static final GenAiAdapter PLAIN = new GenAiAdapter() {
        @Override
        public String component() {
            return "test";
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

    @Test
    void errorTypeIsTheSimpleNameUnwrappedFromFutureExceptions() {
        Throwable wrapped = new ExecutionException(new CompletionException(new RateLimitException()));
        assertThat(GenAiCall.errorType(PLAIN, wrapped)).isEqualTo("RateLimitException");
    }

    @Test
    void anonymousClassesFallBackToTheirBinaryName() {
        Throwable anonymous = new RuntimeException() {};
        assertThat(GenAiCall.errorType(PLAIN, anonymous))
                .isEqualTo(anonymous.getClass().getName());
    }
}
