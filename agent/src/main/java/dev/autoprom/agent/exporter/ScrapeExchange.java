package dev.autoprom.agent.exporter;

import dev.autoprom.api.SelfMetrics;
import io.prometheus.metrics.exporter.common.PrometheusHttpExchange;
import io.prometheus.metrics.exporter.common.PrometheusHttpRequest;
import io.prometheus.metrics.exporter.common.PrometheusHttpResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * Adapts one request to the Prometheus client's exporter-common scrape handler, which does the content
 * negotiation (text, OpenMetrics, protobuf), gzip and {@code name[]} filtering. The body is collected in memory;
 * the I/O thread writes it out, so a slow client never holds a worker.
 */
final class ScrapeExchange implements PrometheusHttpExchange {

    private final RequestHead request;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream(8192);
    private final List<String[]> headers = new ArrayList<>(4);
    private Response response;

    ScrapeExchange(RequestHead request) {
        this.request = request;
    }

    /** What the handler answered; a 500 if it answered nothing. */
    Response response() {
        return response != null ? response.body(body.toByteArray()) : Response.text(500, "error collecting metrics\n");
    }

    @Override
    public PrometheusHttpRequest getRequest() {
        return new PrometheusHttpRequest() {
            @Override
            public String getQueryString() {
                return request.query;
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return Collections.enumeration(request.headers(name));
            }

            @Override
            public String getMethod() {
                return request.method;
            }

            @Override
            public String getRequestPath() {
                return request.path;
            }
        };
    }

    @Override
    public PrometheusHttpResponse getResponse() {
        return responseSide;
    }

    private final PrometheusHttpResponse responseSide = new PrometheusHttpResponse() {
        @Override
        public void setHeader(String name, String value) {
            // the length is the encoder's to write, from the body actually produced
            if (!name.equalsIgnoreCase("Content-Length")) {
                headers.add(new String[] {name, value});
            }
        }

        @Override
        public OutputStream sendHeadersAndGetBody(int statusCode, int contentLength) {
            response = new Response(statusCode);
            for (String[] header : headers) {
                response.header(header[0], header[1]);
            }
            return body;
        }
    };

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
        body.reset();
        response =
                Response.text(500, "error collecting metrics: " + e.getClass().getSimpleName() + "\n");
    }

    @Override
    public void close() {
        // nothing to release: the body is in memory
    }
}
