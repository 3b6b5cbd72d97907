package dev.autoprom.instrumentation.genai.langchain4j.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.ModelProvider;
import org.junit.jupiter.api.Test;

class LangChain4jAdapterTest {

    @Test
    void everyProviderHasAName() {
        for (ModelProvider provider : ModelProvider.values()) {
            assertThat(LangChain4jAdapter.provider(provider)).isNotEmpty().doesNotContain(" ");
        }
        assertThat(LangChain4jAdapter.provider(ModelProvider.OPEN_AI)).isEqualTo("openai");
        assertThat(LangChain4jAdapter.provider(ModelProvider.OLLAMA)).isEqualTo("ollama");
        assertThat(LangChain4jAdapter.provider(ModelProvider.GOOGLE_AI_GEMINI)).isEqualTo("gcp.gemini");
    }
}
