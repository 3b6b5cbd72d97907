package dev.autoprom.it.http;

import static dev.autoprom.it.http.HttpFamily.series;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import testapp.webflux.WebFluxApp;

/**
 * The same WebFlux application on Tomcat ({@code web-application-type=reactive}): recorded once, by the servlet
 * path, which takes WebFlux's route and exception from the exchange WebFlux lent it.
 */
class WebFluxOnTomcatIT extends NonServletServerContract {

    @Override
    protected Class<?> appMain() {
        return WebFluxApp.class;
    }

    @Override
    protected String[] appArgs() {
        return new String[] {"tomcat"};
    }

    @Override
    protected String itemsRoute() {
        return "/items/{id}";
    }

    @Override
    protected String instrumentation() {
        return "webflux";
    }

    @Test
    void functionalRouteIsItsPattern() {
        for (int i = 0; i < 5; i++) {
            assertThat(http.get("/fn/t-" + i).body()).isEqualTo("fn t-" + i);
        }
        http.awaitCount(5, series("GET", 200, "/fn/{name}", ""));
        http.hooks().assertHooksMatchedClasses("servlet", "JakartaServletAdvice");
    }
}
