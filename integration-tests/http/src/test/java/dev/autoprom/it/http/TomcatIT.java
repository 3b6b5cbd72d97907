package dev.autoprom.it.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import testapp.TomcatApp;

class TomcatIT extends ServletContainerContract {

    @Override
    Class<?> appMain() {
        return TomcatApp.class;
    }

    @Override
    String[] appArgs() {
        return new String[] {"https"};
    }

    @Test
    void httpsConnectorIsSchemeHttps() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(http.httpsGet("/hello")).isEqualTo("hello");
        }
        http.awaitCount(
                3,
                "http_request_method",
                "GET",
                "http_response_status_code",
                "200",
                "http_route",
                "/hello",
                "url_scheme",
                "https",
                "error_type",
                "");
    }

    @Override
    int[] load() {
        return new int[] {16, 500};
    }
}
