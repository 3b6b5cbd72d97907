package dev.autoprom.it.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A scrape of {@code /metrics} in the Prometheus text format (0.0.4), parsed into {@link Sample}s so that tests
 * assert exact values: {@code scrape.value("http_server_request_duration_seconds_count", "http_route", "/x")}.
 */
public final class Scrape {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String text;
    private final List<Sample> samples;

    private Scrape(String text) {
        this.text = text;
        this.samples = parse(text);
    }

    /** Scrapes {@code http://127.0.0.1:port/metrics}. */
    public static Scrape port(int port) {
        return url("http://127.0.0.1:" + port + "/metrics");
    }

    public static Scrape url(String url) {
        return new Scrape(get(url).body());
    }

    public static Scrape parse(String text, boolean unused) {
        return new Scrape(text);
    }

    /**
     * A plain GET, for the agent's other endpoints too. A refused connection is retried for up to 15 s: the
     * agent opens its port on a background thread, shortly after the application has started.
     */
    public static HttpResponse<String> get(String url) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            try {
                return CLIENT.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .timeout(Duration.ofSeconds(20))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (java.net.ConnectException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("GET " + url + " failed: " + e, e);
                }
                pause();
            } catch (IOException e) {
                throw new IllegalStateException("GET " + url + " failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String text() {
        return text;
    }

    public List<Sample> samples() {
        return samples;
    }

    /** Samples with this exact name having every given label pair. */
    public List<Sample> find(String name, String... labelPairs) {
        return samples.stream()
                .filter(s -> s.name().equals(name) && s.has(labelPairs))
                .collect(Collectors.toList());
    }

    /** The value of the one sample with this name and these labels; fails if there is none or several. */
    public double value(String name, String... labelPairs) {
        List<Sample> found = find(name, labelPairs);
        if (found.size() != 1) {
            throw new AssertionError("expected exactly one sample " + name + " " + List.of(labelPairs) + " but found "
                    + found.size() + ": " + found + "\nall samples of that name: " + find(name));
        }
        return found.get(0).value();
    }

    /** Sum over every sample with this name and these labels (0 when none). */
    public double sum(String name, String... labelPairs) {
        return find(name, labelPairs).stream().mapToDouble(Sample::value).sum();
    }

    public boolean has(String name, String... labelPairs) {
        return !find(name, labelPairs).isEmpty();
    }

    public List<Sample> where(Predicate<Sample> predicate) {
        return samples.stream().filter(predicate).collect(Collectors.toList());
    }

    static List<Sample> parse(String text) {
        List<Sample> result = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            result.add(parseLine(line));
        }
        return result;
    }

    private static Sample parseLine(String line) {
        int brace = line.indexOf('{');
        int space = line.indexOf(' ');
        Map<String, String> labels = new LinkedHashMap<>();
        String name;
        int rest;
        if (brace >= 0 && brace < space) {
            name = line.substring(0, brace);
            int i = brace + 1;
            while (line.charAt(i) != '}') {
                int eq = line.indexOf('=', i);
                String labelName = line.substring(i, eq).trim();
                StringBuilder value = new StringBuilder();
                int j = eq + 2; // skip ="
                while (line.charAt(j) != '"') {
                    char c = line.charAt(j);
                    if (c == '\\') {
                        char next = line.charAt(++j);
                        value.append(next == 'n' ? '\n' : next);
                    } else {
                        value.append(c);
                    }
                    j++;
                }
                labels.put(labelName, value.toString());
                i = j + 1;
                if (line.charAt(i) == ',') {
                    i++;
                }
            }
            rest = i + 1;
        } else {
            name = line.substring(0, space);
            rest = space;
        }
        String[] parts = line.substring(rest).trim().split(" ");
        return new Sample(name, labels, parseValue(parts[0]));
    }

    private static double parseValue(String value) {
        switch (value) {
            case "+Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            case "NaN":
                return Double.NaN;
            default:
                return Double.parseDouble(value);
        }
    }
}
