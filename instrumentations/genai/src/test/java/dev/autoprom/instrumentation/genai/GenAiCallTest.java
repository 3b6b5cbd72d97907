package dev.autoprom.instrumentation.genai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class GenAiCallTest {

    static final class RateLimitException extends RuntimeException {}

    /** An adapter that names no error types of its own: the simple class name decides. */
    private static final GenAiAdapter PLAIN = GenAiAdapter.NONE;

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
