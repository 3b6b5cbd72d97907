package dev.autoprom.instrumentation.genai.springai.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.ai.retry.NonTransientAiException;
import org.springframework.ai.retry.TransientAiException;

class SpringAiAdapterTest {

    @Test
    void providerComesFromTheModelsModule() {
        assertThat(SpringAiAdapter.provider("org.springframework.ai.openai.OpenAiChatModel"))
                .isEqualTo("openai");
        assertThat(SpringAiAdapter.provider("org.springframework.ai.anthropic.AnthropicChatModel"))
                .isEqualTo("anthropic");
        assertThat(SpringAiAdapter.provider("org.springframework.ai.ollama.OllamaChatModel"))
                .isEqualTo("ollama");
        assertThat(SpringAiAdapter.provider("org.springframework.ai.azure.openai.AzureOpenAiChatModel"))
                .isEqualTo("azure.ai.openai");
        assertThat(SpringAiAdapter.provider("org.springframework.ai.vertexai.gemini.VertexAiGeminiChatModel"))
                .isEqualTo("gcp.vertex_ai");
        assertThat(SpringAiAdapter.provider("org.springframework.ai.mistralai.MistralAiChatModel"))
                .isEqualTo("mistral_ai");
        assertThat(SpringAiAdapter.provider("com.example.MyChatModel")).isEqualTo("com.example");
    }

    @Test
    void httpStatusIsTheErrorTypeOfSpringAiHttpFailures() {
        SpringAiAdapter adapter = new SpringAiAdapter();
        assertThat(adapter.errorType(new NonTransientAiException("HTTP 429 - {\"error\":{}}")))
                .isEqualTo("429");
        assertThat(adapter.errorType(new TransientAiException("HTTP 503 - busy")))
                .isEqualTo("503");
        assertThat(adapter.errorType(new NonTransientAiException("no status here")))
                .isNull();
        assertThat(adapter.errorType(new IllegalStateException("HTTP 500"))).isNull();
    }
}
