package dev.autoprom.it.httpclient;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * A Vert.x for the client ITs whose blocked-thread checker is strict (an event loop busy for 200 ms is reported,
 * with its stack, not Vert.x's default 2 s) and whose reports are collected: the tests assert that none was taken
 * inside the agent's code, which proves its hooks never block the event loop they run on. (Vert.x itself may be
 * reported on a loaded machine, loading its DNS resolver's classes on first use: not the agent's to answer for.)
 */
final class VertxEventLoops {

    /** The checker's warnings, as Vert.x logs them (through java.util.logging: set before Vert.x loads). */
    static final List<String> BLOCKED = new CopyOnWriteArrayList<>();

    private static final Logger CHECKER;

    static {
        System.setProperty("vertx.logger-delegate-factory-class-name", "io.vertx.core.logging.JULLogDelegateFactory");
        CHECKER = Logger.getLogger("io.vertx.core.impl.BlockedThreadChecker");
        CHECKER.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                StringBuilder report = new StringBuilder(record.getMessage());
                if (record.getThrown() != null) {
                    for (StackTraceElement frame : record.getThrown().getStackTrace()) {
                        report.append("\n    at ").append(frame);
                    }
                }
                BLOCKED.add(report.toString());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        });
    }

    private VertxEventLoops() {}

    /**
     * One answered and one refused request through {@code driver}, then the reports so far forgotten: the first
     * requests load (and the agent transforms, once per class) the classes of both paths on the event loop, a
     * one-time cost that on a loaded machine can pass 200 ms. What is asserted after is every request's own.
     */
    static void warmUp(ClientDriver driver) throws Exception {
        try (TestServer server = TestServer.start();
                ClientDriver.Client client = driver.client(Duration.ofSeconds(5), Duration.ofSeconds(20))) {
            client.send("GET", server.url("/status/200"));
            try {
                client.send("GET", "http://127.0.0.1:" + Blackhole.closedPort() + "/x");
            } catch (Exception refused) {
                // expected
            }
        }
        BLOCKED.clear();
    }

    /** The reports whose stack runs through the agent's code. */
    static List<String> blockedInTheAgent() {
        return BLOCKED.stream()
                .filter(report -> report.contains("at dev.autoprom.") || report.contains("/dev.autoprom."))
                .collect(java.util.stream.Collectors.toList());
    }

    static Vertx strict() {
        return Vertx.vertx(new VertxOptions()
                .setEventLoopPoolSize(2)
                .setBlockedThreadCheckInterval(50)
                .setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS)
                .setMaxEventLoopExecuteTime(200)
                .setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS)
                .setWarningExceptionTime(200)
                .setWarningExceptionTimeUnit(TimeUnit.MILLISECONDS));
    }
}
