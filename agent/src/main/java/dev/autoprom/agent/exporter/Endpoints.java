package dev.autoprom.agent.exporter;

import dev.autoprom.api.AgentMetrics;
import dev.autoprom.api.SelfMetrics;
import io.prometheus.metrics.exporter.common.PrometheusScrapeHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * What the exporter port serves: {@code /metrics} (or the configured path) and {@code /autoprom} behind basic
 * auth when it is configured, {@code /-/healthy} and {@code /} always open (probes rarely carry credentials, and
 * neither reveals anything). Runs on a worker thread; never throws.
 */
final class Endpoints {

    private final String metricsPath;
    private final PrometheusScrapeHandler scrapeHandler;
    private final Supplier<String> statusJson;
    private final BasicAuth auth;
    private final String index;

    Endpoints(String metricsPath, PrometheusRegistry registry, Supplier<String> statusJson, BasicAuth auth) {
        this.metricsPath = metricsPath;
        this.scrapeHandler = new PrometheusScrapeHandler(AgentMetrics.PROPERTIES, registry);
        this.statusJson = statusJson;
        this.auth = auth;
        this.index = "autoprom agent\n\n" + metricsPath + "  Prometheus metrics\n/-/healthy  liveness\n"
                + "/autoprom  agent status (JSON)\n";
    }

    Response serve(RequestHead request) {
        if (!request.method.equals("GET") && !request.isHead()) {
            return Response.refusal(405, "only GET and HEAD are served").header("Allow", "GET, HEAD");
        }
        String path = request.path;
        try {
            if (path.equals("/-/healthy")) {
                return Response.text(200, "Exporter is healthy.\n");
            }
            if (path.equals("/")) {
                return Response.text(200, index);
            }
            boolean metrics = path.equals(metricsPath);
            if (!metrics && !path.equals("/autoprom")) {
                return Response.text(404, "not found; see /\n");
            }
            if (auth != null && !auth.accepts(request.header("Authorization"))) {
                return Response.text(401, "credentials required\n")
                        .header("WWW-Authenticate", "Basic realm=\"autoprom\", charset=\"UTF-8\"");
            }
            return metrics ? scrape(request) : json(statusJson.get());
        } catch (Throwable t) {
            SelfMetrics.recordError("exporter", t);
            return Response.text(
                    500, "error serving " + path + ": " + t.getClass().getSimpleName() + "\n");
        }
    }

    private Response scrape(RequestHead request) throws Exception {
        ScrapeExchange exchange = new ScrapeExchange(request);
        scrapeHandler.handleRequest(exchange);
        return exchange.response();
    }

    private static Response json(String body) {
        return new Response(200).header("Content-Type", "application/json").body(body.getBytes(StandardCharsets.UTF_8));
    }
}
