package dev.autoprom.instrumentation.httpclient.spring;

import static dev.autoprom.api.ArgumentMatchers.takesArgument;
import static dev.autoprom.api.ArgumentMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.autoprom.api.AdviceTarget;
import dev.autoprom.api.LibraryInstrumentation;
import dev.autoprom.api.Targets;

/**
 * Spring's {@code WebClient} (spring-webflux 6.x, 7.x): records nothing itself. A call made with a URI template
 * lends it to the Reactor Netty request below as {@code url_template}. {@code WebClient} runs its connector when
 * the response is subscribed to, so the template cannot be handed over on the calling thread as for
 * {@code RestClient}; it is handed over where the request is written into Reactor Netty's, inside the attempt.
 */
public final class SpringWebClientInstrumentation extends LibraryInstrumentation {

    private static final String REQUEST =
            "org.springframework.web.reactive.function.client.DefaultClientRequestBuilder$BodyInserterRequest";

    public SpringWebClientInstrumentation() {
        super("httpclient", "spring-webclient", Targets.named(REQUEST));
    }

    @Override
    public void adviseMethods(AdviceTarget target) {
        target.advise(
                REQUEST,
                named("writeTo")
                        .and(takesArguments(2))
                        .and(takesArgument(0, named("org.springframework.http.client.reactive.ClientHttpRequest"))),
                "dev.autoprom.instrumentation.httpclient.spring.WebClientAdvice");
    }
}
