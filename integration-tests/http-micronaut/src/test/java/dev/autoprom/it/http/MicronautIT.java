package dev.autoprom.it.http;

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
}
