package dev.autoprom.it.http;

import testapp.UndertowCoreApp;

/** Undertow 2.3 core handlers, no servlet layer (the servlet layer on the same Undertow: {@link UndertowIT}). */
class UndertowCoreIT extends NonServletServerContract {

    @Override
    protected Class<?> appMain() {
        return UndertowCoreApp.class;
    }

    @Override
    protected String itemsRoute() {
        return "/items/{id}"; // the RoutingHandler's template
    }

    @Override
    protected String instrumentation() {
        return "undertow";
    }
}
