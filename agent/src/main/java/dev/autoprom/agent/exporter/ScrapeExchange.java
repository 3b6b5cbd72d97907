package dev.autoprom.agent.exporter;

import com.sun.net.httpserver.HttpExchange;
import dev.autoprom.api.SelfMetrics;
import io.prometheus.metrics.exporter.common.PrometheusHttpExchange;
import io.prometheus.metrics.exporter.common.PrometheusHttpRequest;
import io.prometheus.metrics.exporter.common.PrometheusHttpResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * Adapts a JDK {@link HttpExchange} to the Prometheus client's exporter-common scrape handler, which does the
 * content negotiation (text, OpenMetrics, protobuf), gzip and {@code name[]} filtering. This replaces
 * {@code prometheus-metrics-exporter-httpserver}'s own adapter only because that one holds a static
 * {@code java.util.logging.Logger}, which would initialise the JDK log manager from premain.
 */
final class ScrapeExchange implements PrometheusHttpExchange {

    private final HttpExchange exchange;

    ScrapeExchange(HttpExchange exchange) {
        this.exchange = exchange;
    }

    @Override
    public PrometheusHttpRequest getRequest() {
        return new PrometheusHttpRequest() {
            @Override
            public String getQueryString() {
                return exchange.getRequestURI().getRawQuery();
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                List<String> values = exchange.getRequestHeaders().get(name);
                return values == null ? Collections.emptyEnumeration() : Collections.enumeration(values);
            }

            @Override
            public String getMethod() {
                return exchange.getRequestMethod();
            }

            @Override
            public String getRequestPath() {
                return exchange.getRequestURI().getPath();
            }
        };
    }

    @Override
    public PrometheusHttpResponse getResponse() {
        return new PrometheusHttpResponse() {
            @Override
            public void setHeader(String name, String value) {
                exchange.getResponseHeaders().set(name, value);
            }

            @Override
            public OutputStream sendHeadersAndGetBody(int statusCode, int contentLength) throws IOException {
                // the JDK server reads 0 as "chunked" and -1 as "no body"
                boolean head = "HEAD".equals(exchange.getRequestMethod());
                exchange.sendResponseHeaders(statusCode, head ? -1 : contentLength);
                return exchange.getResponseBody();
            }
        };
    }

    @Override
    public void handleException(IOException e) throws IOException {
        fail(e);
        throw e;
    }

    @Override
    public void handleException(RuntimeException e) {
        fail(e);
    }

    private void fail(Exception e) {
        SelfMetrics.recordError("exporter", e);
        try {
            byte[] body = ("error collecting metrics: " + e.getClass().getSimpleName() + "\n")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(500, body.length);
            exchange.getResponseBody().write(body);
        } catch (IOException | RuntimeException ignored) {
            // headers may already be sent; the client sees a truncated response
        }
    }

    @Override
    public void close() {
        exchange.close();
    }
}
