package hardeningapp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Mixed load over every family for a while, sampling the used heap after full GCs. Arguments: duration in
 * seconds, sampling interval in seconds, worker threads. Each worker loops over: a GET with a distinct raw path and
 * query, a plain SQL statement with a distinct literal and a prepared one, an echo on its long-lived WebSocket (and
 * a fresh connection opened and closed every 50 rounds), and an OpenAI chat call (every 10th a stream, every 20th
 * rate-limited). Prints {@code HEAP t=<seconds> used=<bytes>} per sample, then {@code ROUNDS=}, {@code SLOPE_BYTES_PER_MIN=}
 * (least squares over the samples from a quarter of the run on) and {@code SOAK DONE}.
 */
public final class SoakApp {

    public static void main(String[] args) throws Exception {
        int seconds = Integer.parseInt(args[0]);
        int every = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        try (Stack stack = new Stack("soak")) {
            stack.sql("CREATE TABLE counters(id INT PRIMARY KEY, n BIGINT)");
            stack.sql("INSERT INTO counters VALUES (1, 0)");
            AtomicBoolean running = new AtomicBoolean(true);
            // workers hold the read side for one round; a sample takes the write side, so it measures the heap
            // between rounds, not the garbage-to-be of operations in flight
            ReentrantReadWriteLock between = new ReentrantReadWriteLock(true);
            AtomicLong rounds = new AtomicLong();
            AtomicLong failures = new AtomicLong();
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Thread worker = new Thread(() -> work(stack, thread, running, between, rounds, failures), "soak-" + t);
                worker.start();
                workers.add(worker);
            }
            long start = System.nanoTime();
            List<double[]> samples = new ArrayList<>();
            for (int elapsed = every; elapsed <= seconds; elapsed += every) {
                long wake = start + elapsed * 1_000_000_000L;
                while (System.nanoTime() < wake) {
                    Thread.sleep(Math.max(1, (wake - System.nanoTime()) / 1_000_000));
                }
                long used;
                between.writeLock().lock();
                try {
                    used = Stack.heapAfterGc();
                } finally {
                    between.writeLock().unlock();
                }
                samples.add(new double[] {elapsed, used});
                System.out.println("HEAP t=" + elapsed + " used=" + used + " rounds=" + rounds.get());
                System.out.flush();
            }
            running.set(false);
            for (Thread worker : workers) {
                worker.join(30_000);
            }
            System.out.println("ROUNDS=" + rounds.get());
            System.out.println("FAILURES=" + failures.get());
            System.out.println("SLOPE_BYTES_PER_MIN=" + Math.round(slopePerMinute(samples, seconds / 4.0)));
            System.out.println("SOAK DONE");
            System.out.flush();
            if (args.length > 3 && args[3].equals("exit")) {
                System.exit(0);
            }
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    private static void work(
            Stack stack,
            int thread,
            AtomicBoolean running,
            ReentrantReadWriteLock between,
            AtomicLong rounds,
            AtomicLong failures) {
        try {
            Stack.WsClient ws = stack.ws("/soak?token=" + Stack.URL_TOKEN);
            for (long i = 0; running.get(); i++) {
                between.readLock().lock();
                try {
                    round(stack, ws, thread, i, failures);
                } finally {
                    between.readLock().unlock();
                }
                rounds.incrementAndGet();
            }
            ws.close();
        } catch (Exception e) {
            e.printStackTrace();
            failures.incrementAndGet();
        }
    }

    private static void round(Stack stack, Stack.WsClient ws, int thread, long i, AtomicLong failures)
            throws Exception {
        String id = thread + "-" + i;
        expect(failures, stack.get("/items/" + id + "?token=" + Stack.URL_TOKEN + i), "200 item");
        expect(
                failures,
                stack.sql("SELECT '" + Stack.SQL_SECRET + id + "', " + i),
                "rows 1 [" + Stack.SQL_SECRET + id + "," + i + "]");
        expect(failures, stack.prepared("UPDATE counters SET n = n + ? WHERE id = 1", 1), "updated 1");
        expect(failures, ws.echo("soak-" + id), "soak-" + id);
        if (i % 50 == 49) {
            Stack.WsClient fresh = stack.ws("/fresh");
            expect(failures, fresh.echo(id), id);
            expect(failures, String.valueOf(fresh.close()), "1000");
        }
        if (i % 20 == 19) {
            expect(
                    failures,
                    stack.chatCall("gpt-soak-ratelimit").startsWith("failed com.openai.errors.RateLimitException")
                            ? "429"
                            : "?",
                    "429");
        } else if (i % 10 == 9) {
            expect(failures, stack.streamCall("gpt-soak"), Stack.COMPLETION);
        } else {
            expect(failures, stack.chatCall("gpt-soak"), Stack.COMPLETION);
        }
    }

    private static void expect(AtomicLong failures, String actual, String expected) {
        if (!expected.equals(actual) && failures.incrementAndGet() < 10) {
            System.out.println("UNEXPECTED " + actual + " (expected " + expected + ")");
        }
    }

    /** Least-squares slope of used heap over time, in bytes per minute, over samples at or after {@code from}. */
    static double slopePerMinute(List<double[]> samples, double from) {
        double n = 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (double[] s : samples) {
            if (s[0] >= from) {
                n++;
                sx += s[0];
                sy += s[1];
                sxx += s[0] * s[0];
                sxy += s[0] * s[1];
            }
        }
        double denominator = n * sxx - sx * sx;
        return n < 2 || denominator == 0 ? 0 : (n * sxy - sx * sy) / denominator * 60;
    }
}
