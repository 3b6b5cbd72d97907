package dev.autoprom.bench.jmh.recording;

import dev.autoprom.instrumentation.http.vertx.VertxHooks;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Vert.x server path as its advice calls it for one HTTP/1.x request on a kept-alive connection: begin (the
 * connection's holder found by identity), the route Vert.x Web ran, the completed response. Plain objects stand in
 * for Vert.x's connection and request: the hooks only use their identity. Target: about the servlet path's cost
 * plus three identity look-ups, 0 B/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class VertxRecordingBenchmark {

    private final Object connection = new Object();
    private final Object[] requests = {new Object(), new Object(), new Object(), new Object()};
    private int next;

    @Benchmark
    public void request() {
        Object request = requests[next++ & 3];
        VertxHooks.begin(connection, request, "GET", false);
        VertxHooks.routed(connection, "/items/:id");
        VertxHooks.complete(connection, request, 200);
    }
}
