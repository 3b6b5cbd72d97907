package dev.autoprom.instrumentation.genai.springai.bridge;

import dev.autoprom.instrumentation.genai.GenAiAdapter;
import dev.autoprom.instrumentation.genai.GenAiCall;
import dev.autoprom.instrumentation.genai.GenAiHooks;
import dev.autoprom.instrumentation.genai.GenAiMetricNames;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.embedding.EmbeddingOptions;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;
import org.springframework.ai.embedding.EmbeddingResponseMetadata;
import reactor.core.publisher.Flux;

/** Reads Spring AI's prompts' options and responses' metadata: model names and token counts only. */
public final class SpringAiAdapter implements GenAiAdapter {

    @Override
    public String component() {
        return "genai.springai";
    }

    @Override
    public void onStart(GenAiCall call, Object model, Object request) {
        call.provider(provider(model.getClass().getName()));
        if (request instanceof Prompt) {
            call.operation(GenAiMetricNames.CHAT);
            ChatOptions options = ((Prompt) request).getOptions();
            String name = options == null ? null : options.getModel();
            if (name == null && model instanceof ChatModel) {
                // the model's defaults apply when the prompt names no model
                ChatOptions defaults = ((ChatModel) model).getDefaultOptions();
                name = defaults == null ? null : defaults.getModel();
            }
            call.requestModel(name);
        } else if (request instanceof EmbeddingRequest) {
            call.operation(GenAiMetricNames.EMBEDDINGS);
            EmbeddingOptions options = ((EmbeddingRequest) request).getOptions();
            call.requestModel(options == null ? null : options.getModel());
        }
    }

    /**
     * The provider from the model's Spring AI module, {@code org.springframework.ai.<module>.…}, in the
     * OpenTelemetry spelling where they differ; a model outside Spring AI's packages reports its package.
     */
    static String provider(String className) {
        String prefix = "org.springframework.ai.";
        if (!className.startsWith(prefix)) {
            int dot = className.lastIndexOf('.');
            return dot > 0 ? className.substring(0, dot) : className;
        }
        String rest = className.substring(prefix.length());
        if (rest.startsWith("azure.openai.")) {
            return "azure.ai.openai";
        }
        if (rest.startsWith("vertexai.")) {
            return "gcp.vertex_ai";
        }
        if (rest.startsWith("google.genai.")) {
            return "gcp.gen_ai";
        }
        if (rest.startsWith("bedrock.")) {
            return "aws.bedrock";
        }
        int dot = rest.indexOf('.');
        String module = dot > 0 ? rest.substring(0, dot) : rest;
        switch (module) {
            case "mistralai":
                return "mistral_ai";
            case "watsonx":
                return "ibm.watsonx.ai";
            default:
                return module;
        }
    }

    @Override
    public void onResult(GenAiCall call, Object result) {
        if (result instanceof ChatResponse) {
            ChatResponseMetadata metadata = ((ChatResponse) result).getMetadata();
            if (metadata != null) {
                usage(call, metadata.getUsage(), true);
                call.responseModel(metadata.getModel());
            }
        } else if (result instanceof EmbeddingResponse) {
            EmbeddingResponseMetadata metadata = ((EmbeddingResponse) result).getMetadata();
            if (metadata != null) {
                usage(call, metadata.getUsage(), false);
                call.responseModel(metadata.getModel());
            }
        }
    }

    /**
     * Streamed responses carry an empty usage until the last one (when the provider sends it): zeros are skipped.
     * An embedding has input tokens only: Spring AI's usage says 0 completion tokens for it, which is not an output
     * sample (the SDK layers record none either).
     */
    private static void usage(GenAiCall call, Usage usage, boolean hasOutput) {
        if (usage == null) {
            return;
        }
        Integer prompt = usage.getPromptTokens();
        Integer completion = usage.getCompletionTokens();
        if ((prompt == null || prompt == 0) && (completion == null || completion == 0)) {
            return;
        }
        if (prompt != null) {
            call.inputTokens(prompt);
        }
        if (completion != null && hasOutput) {
            call.outputTokens(completion);
        }
    }

    /**
     * Spring AI reports every HTTP failure as {@code TransientAiException} (5xx) or {@code NonTransientAiException}
     * (4xx) with the message {@code "HTTP 429 - <body>"}: the status is the useful part, and the only part read.
     */
    @Override
    public String errorType(Throwable failure) {
        if (failure.getClass().getName().startsWith("org.springframework.ai.retry.")) {
            String message = failure.getMessage();
            if (message != null && message.length() >= 8 && message.startsWith("HTTP ") && isDigits(message, 5, 8)) {
                return message.substring(5, 8);
            }
        }
        return null;
    }

    private static boolean isDigits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Object wrapStream(GenAiCall call, Object result) {
        if (result instanceof Flux) {
            Flux<?> tracked = ((Flux<?>) result)
                    .doOnNext(call::event)
                    .doOnError(call::end)
                    .doOnComplete(() -> call.end(null))
                    .doOnCancel(call::closed);
            // models call their SDK when the Flux is subscribed, after stream() returned: subscribing is marked as
            // inside this operation so that an instrumented SDK underneath is not recorded again
            return Flux.from(subscriber -> GenAiHooks.runInside(() -> tracked.subscribe(subscriber)));
        }
        return null;
    }

    @Override
    public void onEvent(GenAiCall call, Object event) {
        if (event instanceof ChatResponse) {
            ChatResponse response = (ChatResponse) event;
            if (response.getResult() != null
                    && response.getResult().getOutput() != null
                    && response.getResult().getOutput().getText() != null
                    && !response.getResult().getOutput().getText().isEmpty()) {
                call.chunk();
            }
            onResult(call, response);
        }
    }
}
