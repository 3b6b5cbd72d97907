package dev.autoprom.it.genai;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;

/**
 * A small application for child-JVM tests (another JDK): two blocking chat calls and one stream against its own
 * fake OpenAI, then "calls done" and it waits to be scraped.
 */
public final class OpenAiChildApp {

    public static void main(String[] args) throws Exception {
        FakeProvider fake = OpenAiWire.install(new FakeProvider());
        OpenAIClient client = OpenAIOkHttpClient.builder()
                .apiKey("sk-child")
                .baseUrl(fake.url() + "/v1")
                .maxRetries(0)
                .build();
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model("gpt-child")
                .addUserMessage("hello")
                .build();
        for (int i = 0; i < 2; i++) {
            String content = client.chat()
                    .completions()
                    .create(params)
                    .choices()
                    .get(0)
                    .message()
                    .content()
                    .orElse("");
            if (!content.equals(OpenAiWire.COMPLETION)) {
                throw new IllegalStateException("unexpected completion " + content);
            }
        }
        try (StreamResponse<ChatCompletionChunk> stream = client.chat()
                .completions()
                .createStreaming(params.toBuilder().model("gpt-child-stream").build())) {
            stream.stream().count();
        }
        System.out.println("calls done");
        Thread.sleep(Long.MAX_VALUE);
    }
}
