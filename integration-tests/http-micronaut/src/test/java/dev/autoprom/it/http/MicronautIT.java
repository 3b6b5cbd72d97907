package dev.autoprom.it.http;

import static dev.autoprom.it.http.HttpFamily.series;

import org.junit.jupiter.api.Test;
import testapp.micronaut.MicronautApp;

/** Micronaut 4 on its Netty server (Netty 4.2): recorded once, at the pipeline; the route is Micronaut's URI template. */
class MicronautIT extends NonServletServerContract {

    @Override
    protected Class<?> appMain() {
        return MicronautApp.class;
    }

    @Override
    protected String itemsRoute() {
        return "/items/{id}";
    }

    @Override
    protected String instrumentation() {
        return "micronaut";
    }

    @Test
    void nettyRecordsAndMicronautLendsItsTemplate() {
        http.get("/load", 1, 200); // /load: the contract counts it from a snapshot, not from zero
        http.awaitUntil(s -> s.sum(HttpFamily.DURATION + "_count", series("GET", 200, "/load", "")) >= 1);
        http.hooks()
                .assertAllHooksMatched("netty", "Netty/Transport 4.2.9")
                .assertAllHooksMatched("micronaut", "4.10.15");
    }
}
