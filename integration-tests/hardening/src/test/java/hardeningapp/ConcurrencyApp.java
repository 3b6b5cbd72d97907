package hardeningapp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code THREADS} threads released together, each doing {@code ITERATIONS} rounds of: a GET on the JDK server, a
 * prepared SELECT through Hikari (every 5th one fails when executed: division by zero), a WebSocket echo on the thread's own
 * connection, and an OpenAI chat call (OkHttp to the fake, itself a JDK server). Each result is checked; the
 * number of wrong results is printed as {@code CONC_MISMATCHES}.
 */
public final class ConcurrencyApp {

    public static final int THREADS = 32;
    public static final int ITERATIONS = 25;

    public static void main(String[] args) throws Exception {
        try (Stack stack = new Stack("conc")) {
            AtomicInteger mismatches = new AtomicInteger();
            CyclicBarrier start = new CyclicBarrier(THREADS);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    Stack.WsClient ws = stack.ws("/conc");
                    start.await();
                    for (int i = 0; i < ITERATIONS; i++) {
                        check(mismatches, stack.get("/items/" + thread + "/" + i), "200 item");
                        if (i % 5 == 0) {
                            check(
                                    mismatches,
                                    stack.prepared("SELECT 1 / ?", 0).split(" ")[1],
                                    "org.h2.jdbc.JdbcSQLDataException");
                        } else {
                            check(
                                    mismatches,
                                    stack.prepared("SELECT ?", thread * 1000 + i),
                                    "rows 1 [" + (thread * 1000 + i) + "]");
                        }
                        String message = "t" + thread + "-m" + i;
                        check(mismatches, ws.echo(message), message);
                        check(mismatches, stack.chatCall("gpt-conc"), Stack.COMPLETION);
                    }
                    check(mismatches, String.valueOf(ws.close()), "1000");
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            pool.shutdown();
            System.out.println("CONC_MISMATCHES=" + mismatches.get());
            System.out.println("CONC DONE");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    private static void check(AtomicInteger mismatches, String actual, String expected) {
        if (!expected.equals(actual)) {
            System.out.println("MISMATCH expected <" + expected + "> but was <" + actual + ">");
            mismatches.incrementAndGet();
        }
    }
}
