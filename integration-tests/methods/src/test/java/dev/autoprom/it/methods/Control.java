package dev.autoprom.it.methods;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoprom.it.harness.ChildJvm;
import dev.autoprom.it.harness.Scrape;
import java.io.File;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Drives a test application through its control port and waits for what the agent shows. */
final class Control {

    private final ChildJvm app;
    private final int port;

    Control(ChildJvm app) {
        this.app = app;
        this.port = Integer.parseInt(
                app.awaitOutput("control port (\\d+)", Duration.ofSeconds(60)).group(1));
    }

    String step(String name) {
        HttpResponse<String> response = Scrape.get("http://127.0.0.1:" + port + "/" + name);
        assertThat(response.statusCode())
                .as("step " + name + ": " + response.body())
                .isEqualTo(200);
        return response.body();
    }

    Scrape scrape() {
        return app.scrape();
    }

    /** Scrapes until {@code condition} holds (10 s), then returns that scrape; fails with the last one. */
    Scrape awaitScrape(String what, Predicate<Scrape> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Scrape last = scrape();
        while (!condition.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; last scrape:\n" + last.text());
            }
            sleep(100);
            last = scrape();
        }
        return last;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The test class path without Spring and AspectJ: the plain application has no AOP at all. */
    static String classPathWithoutSpring() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("springframework") && !entry.contains("aspectj"))
                .collect(Collectors.joining(File.pathSeparator));
    }
}
