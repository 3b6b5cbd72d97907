package dev.autoprom.instrumentation.httpclient.spring;

import dev.autoprom.instrumentation.httpclient.ClientScope;
import dev.autoprom.instrumentation.httpclient.UriTemplates;
import dev.autoprom.instrumentation.httpclient.reactor.ReactorNettyHooks;

/** What the Spring advice calls: lends a call's URI template to the client request below it, on this thread. */
public final class SpringHooks {

    /** The attribute {@code RestClient} keeps the template in ({@code RestClient.class.getName() + ".uriTemplate"}). */
    static final String REST_CLIENT_TEMPLATE = "org.springframework.web.client.RestClient.uriTemplate";

    /** The attribute {@code WebClient} keeps the template in ({@code WebClient.class.getName() + ".uriTemplate"}). */
    static final String WEB_CLIENT_TEMPLATE = "org.springframework.web.reactive.function.client.WebClient.uriTemplate";

    private SpringHooks() {}

    /** {@code WebClient} writes a request with {@code template} (or none) on this thread: Reactor Netty's, if any. */
    public static void lendToReactorNetty(Object template) {
        if (template instanceof String) {
            ReactorNettyHooks.lend(UriTemplates.label((String) template));
        }
    }

    /**
     * A Spring call starts with {@code template} (or none); returns what {@link #exit} restores. A call without a
     * template clears the one of an enclosing call: its request is not that call's.
     */
    public static String enter(Object template) {
        return ClientScope.enter(template instanceof String ? UriTemplates.label((String) template) : null);
    }

    public static void exit(String previous) {
        ClientScope.exit(previous);
    }
}
