package dev.autoprom.instrumentation.httpclient.spring;

import static dev.autoprom.api.ArgumentMatchers.takesArgument;
import static dev.autoprom.api.ArgumentMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.autoprom.api.AdviceTarget;
import dev.autoprom.api.LibraryInstrumentation;
import dev.autoprom.api.Targets;
import java.net.URI;

/**
 * Spring's {@code RestTemplate} and {@code RestClient} (spring-web 6.1+): they record nothing themselves. When the
 * application called them with a URI template, the template is lent to the request the client library below
 * (JDK, {@code HttpURLConnection}, Apache, OkHttp) records, as {@code url_template}. Both run that client on
 * the calling thread, inside {@code RestTemplate.doExecute(uri, uriTemplate, ...)} and
 * {@code DefaultRestClient.DefaultRequestBodyUriSpec.exchangeInternal(...)} (where Spring keeps the template in
 * the request's attributes, as its own observations read it).
 */
public final class SpringRestClientInstrumentation extends LibraryInstrumentation {

    private static final String ADVICE = "dev.autoprom.instrumentation.httpclient.spring.";
    private static final String[] TYPES = {
        "org.springframework.web.client.RestTemplate",
        "org.springframework.web.client.DefaultRestClient$DefaultRequestBodyUriSpec"
    };

    public SpringRestClientInstrumentation() {
        super("httpclient", "spring-restclient", Targets.named(TYPES));
    }

    @Override
    public void adviseMethods(AdviceTarget target) {
        target.advise(
                        named("doExecute")
                                .and(takesArguments(5))
                                .and(takesArgument(0, URI.class))
                                .and(takesArgument(1, String.class))
                                .and(takesArgument(2, named("org.springframework.http.HttpMethod"))),
                        ADVICE + "RestTemplateAdvice")
                .advise(
                        named("exchangeInternal")
                                .and(takesArguments(2))
                                .and(
                                        takesArgument(
                                                0,
                                                named(
                                                        "org.springframework.web.client.RestClient$RequestHeadersSpec$ExchangeFunction")))
                                .and(takesArgument(1, boolean.class)),
                        ADVICE + "RestClientAdvice");
    }
}
