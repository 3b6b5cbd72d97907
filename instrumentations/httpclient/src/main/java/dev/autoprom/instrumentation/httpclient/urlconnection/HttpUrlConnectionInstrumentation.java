package dev.autoprom.instrumentation.httpclient.urlconnection;

import static dev.autoprom.api.ArgumentMatchers.takesArgument;
import static dev.autoprom.api.ArgumentMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.autoprom.api.AdviceTarget;
import dev.autoprom.api.LibraryInstrumentation;
import dev.autoprom.api.Targets;
import java.net.URL;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code java.net.HttpURLConnection} (and {@code HttpsURLConnection}, whose JDK implementation delegates to the same
 * class): the JDK's {@code sun.net.www.protocol.http.HttpURLConnection} in {@code java.base}. A connection object
 * carries one request, sent when the application first reads the response ({@code getInputStream},
 * {@code getResponseCode}, a header) or writes a streamed body; redirects it follows are further requests made
 * inside that read. The hooks are the class's private workers, each called with the connection's lock held:
 * {@code plainConnect0} (the connection is opened: the start), {@code getOutputStream0} and
 * {@code getInputStream0} (the request is under way; the latter ends with the response headers),
 * {@code followRedirect0} (a redirect is followed) and {@code disconnect}.
 */
public final class HttpUrlConnectionInstrumentation extends LibraryInstrumentation {

    private static final String ADVICE = "dev.autoprom.instrumentation.httpclient.urlconnection.UrlConnectionAdvice$";
    private static final String[] TYPES = {"sun.net.www.protocol.http.HttpURLConnection"};

    public HttpUrlConnectionInstrumentation() {
        super("httpclient", "httpurlconnection", Targets.named(TYPES));
    }

    /** Only the JDK's own class (java.base: the bootstrap loader). */
    @Override
    public ElementMatcher<ClassLoader> classLoaderMatcher() {
        return loader -> loader == null;
    }

    @Override
    public void adviseMethods(AdviceTarget target) {
        target.advise(named("plainConnect0").and(takesArguments(0)), ADVICE + "Connect")
                .advise(named("getOutputStream0").and(takesArguments(0)), ADVICE + "Write")
                .advise(named("getInputStream0").and(takesArguments(0)), ADVICE + "Read")
                .advise(
                        named("followRedirect0")
                                .and(takesArguments(3))
                                .and(takesArgument(0, String.class))
                                .and(takesArgument(1, int.class))
                                .and(takesArgument(2, URL.class)),
                        ADVICE + "Redirect")
                .advise(named("disconnect").and(takesArguments(0)), ADVICE + "Disconnect");
    }
}
