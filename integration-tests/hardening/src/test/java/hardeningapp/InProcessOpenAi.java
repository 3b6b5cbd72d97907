package hardeningapp;

import com.openai.client.OpenAIClient;
import com.openai.client.OpenAIClientImpl;
import com.openai.core.ClientOptions;
import com.openai.core.RequestOptions;
import com.openai.core.http.Headers;
import com.openai.core.http.HttpClient;
import com.openai.core.http.HttpRequest;
import com.openai.core.http.HttpResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenAI SDK transport that answers in-process (no sockets), so that 100,000 SDK calls take seconds: the
 * instrumented service methods run exactly as with OkHttp. A model ending in "-ratelimit" gets OpenAI's 429.
 */
final class InProcessOpenAi implements HttpClient {

    private static final Pattern MODEL = Pattern.compile("\"model\"\\s*:\\s*\"([^\"]+)\"");
    private static final Headers JSON =
            Headers.builder().put("Content-Type", "application/json").build();

    static OpenAIClient client() {
        return new OpenAIClientImpl(ClientOptions.builder()
                .httpClient(new InProcessOpenAi())
                .apiKey(Stack.API_KEY)
                .baseUrl("http://fake-openai.invalid/v1")
                .maxRetries(0)
                .build());
    }

    @Override
    public HttpResponse execute(HttpRequest request, RequestOptions options) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        request.body().writeTo(body);
        Matcher m = MODEL.matcher(body.toString(StandardCharsets.UTF_8));
        String model = m.find() ? m.group(1) : "none";
        if (model.endsWith("-ratelimit")) {
            return response(
                    429,
                    "{\"error\":{\"message\":\"Rate limit reached for requests\",\"type\":\"requests\","
                            + "\"param\":null,\"code\":\"rate_limit_exceeded\"}}");
        }
        return response(200, Stack.completion(model));
    }

    @Override
    public CompletableFuture<HttpResponse> executeAsync(HttpRequest request, RequestOptions options) {
        return CompletableFuture.completedFuture(execute(request, options));
    }

    @Override
    public void close() {}

    private static HttpResponse response(int status, String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return new HttpResponse() {
            @Override
            public int statusCode() {
                return status;
            }

            @Override
            public Headers headers() {
                return JSON;
            }

            @Override
            public InputStream body() {
                return new ByteArrayInputStream(bytes);
            }

            @Override
            public void close() {}
        };
    }
}
