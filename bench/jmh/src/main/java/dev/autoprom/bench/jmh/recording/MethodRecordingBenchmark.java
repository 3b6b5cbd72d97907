package dev.autoprom.bench.jmh.recording;

import dev.autoprom.instrumentation.methods.MethodHooks;
import dev.autoprom.instrumentation.methods.MethodSpecs;
import io.micrometer.core.annotation.Counted;
import io.micrometer.core.annotation.Timed;
import java.util.concurrent.TimeUnit;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Recording path of the methods family: what the inlined advice of a {@code @Timed} or {@code @Counted} method
 * does per call ({@code MethodHooks.enter} with the method's key, then {@code exit}). The records are built in
 * setUp as the transformer builds them (from ByteBuddy's description of the annotated class). The key is the
 * interned string the advice holds as a constant. Target (issue 19): at most 150 ns and 0 B/op per call.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class MethodRecordingBenchmark {

    /** An application class as the annotations find it. */
    public static class Service {
        @Timed(
                value = "bench.timed",
                extraTags = {"platform", "github"})
        public void timed() {}

        @Counted("bench.counted")
        public void counted() {}
    }

    private String timedKey;
    private String countedKey;

    @Setup(Level.Trial)
    public void setUp() {
        for (MethodDescription method :
                TypeDescription.ForLoadedType.of(Service.class).getDeclaredMethods()) {
            MethodSpecs.prepare(method);
        }
        timedKey = (Service.class.getName() + ".timed()V").intern();
        countedKey = (Service.class.getName() + ".counted()V").intern();
    }

    /** {@code @Timed}: the clock twice and one histogram observation ({@code class, method, exception, platform}). */
    @Benchmark
    public void timedCall() {
        long start = MethodHooks.enter(timedKey);
        MethodHooks.exit(timedKey, start, null);
    }

    /** {@code @Counted}: one counter increment ({@code class, method, result, exception}). */
    @Benchmark
    public void countedCall() {
        long start = MethodHooks.enter(countedKey);
        MethodHooks.exit(countedKey, start, null);
    }
}
