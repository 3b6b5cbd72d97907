package testapp;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.tomcat.util.threads.TaskThreadFactory;

/**
 * An application with micrometer-core and the MicroProfile Metrics API on its class path, no registry and no
 * aspect. The test drives it step by step through a control port ({@code GET /step}); each step does a known
 * number of calls and answers once they are done.
 */
public final class MethodsApp {

    private static final IssueService SERVICE = new IssueService();
    private static final Issues ISSUES = new Issues();
    private static volatile CountDownLatch loopRelease;
    private static volatile Thread loopThread;
    private static volatile ThreadPoolExecutor orders;
    private static volatile CountDownLatch ordersRelease;

    private MethodsApp() {}

    public static void main(String[] args) throws Exception {
        HttpServer control = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        Map<String, Supplier<String>> steps = new HashMap<>();
        steps.put("/annotations", MethodsApp::annotations);
        steps.put("/config", MethodsApp::config);
        steps.put("/loop-start", MethodsApp::loopStart);
        steps.put("/loop-release", MethodsApp::loopRelease);
        steps.put("/pool-run", MethodsApp::poolRun);
        steps.put("/pool-block", MethodsApp::poolBlock);
        steps.put("/pool-release", MethodsApp::poolRelease);
        steps.put("/pool-shutdown", MethodsApp::poolShutdown);
        steps.put("/forkjoin", MethodsApp::forkJoin);
        steps.put("/tomcat-pool", MethodsApp::tomcatPool);
        steps.put("/exit", MethodsApp::exit);
        control.createContext("/", exchange -> {
            Supplier<String> step = steps.get(exchange.getRequestURI().getPath());
            String body;
            int status = 200;
            try {
                body = step == null ? "no such step" : step.get();
            } catch (RuntimeException e) {
                body = e.toString();
                status = 500;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        control.start();
        System.out.println("control port " + control.getAddress().getPort());
        Thread.sleep(Long.MAX_VALUE);
    }

    private static String annotations() {
        for (int i = 0; i < 5; i++) {
            expect(SERVICE.handle("i" + i), "handled i" + i);
        }
        for (int i = 0; i < 4; i++) {
            SERVICE.maybeFail(false);
        }
        for (int i = 0; i < 3; i++) {
            try {
                SERVICE.maybeFail(true);
            } catch (IllegalStateException expected) {
                // counted as a failure
            }
        }
        for (int i = 0; i < 6; i++) {
            expect(SERVICE.check(i), i * 2);
        }
        for (int i = 0; i < 2; i++) {
            try {
                SERVICE.check(-1);
            } catch (IllegalArgumentException expected) {
                // counted as a failure
            }
        }
        for (int i = 0; i < 7; i++) {
            expect(IssueService.staticWork(i), i + 1);
        }
        Batch batch = new Batch();
        for (int i = 0; i < 3; i++) {
            expect(batch.first(), 1);
        }
        for (int i = 0; i < 2; i++) {
            expect(batch.second(), 2);
        }
        MpService mp = new MpService();
        for (int i = 0; i < 4; i++) {
            mp.request();
        }
        for (int i = 0; i < 3; i++) {
            mp.call(false);
        }
        try {
            mp.call(true);
        } catch (UnsupportedOperationException expected) {
            // counted as a failure
        }
        return "ok";
    }

    private static String config() {
        for (int i = 0; i < 3; i++) {
            expect(ISSUES.process(new Issue(Platform.GITHUB, "g" + i), false), "processed g" + i);
        }
        for (int i = 0; i < 2; i++) {
            expect(ISSUES.process(new Issue(Platform.GITLAB, "l" + i), false), "processed l" + i);
        }
        try {
            ISSUES.process(new Issue(Platform.GITHUB, "bad"), true);
        } catch (IllegalStateException expected) {
            // a failure
        }
        try {
            ISSUES.complete(30);
            ISSUES.complete(30);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        ISSUES.complete(1, "not configured: the file names complete/1");
        return "ok";
    }

    private static String loopStart() {
        loopRelease = new CountDownLatch(1);
        loopThread = new Thread(() -> {
            try {
                ISSUES.loop(loopRelease);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        loopThread.start();
        return "started";
    }

    private static String loopRelease() {
        loopRelease.countDown();
        try {
            loopThread.join(10_000);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return "released";
    }

    /** 2 threads, at most 3 queued, then rejections; 10 quick tasks. */
    private static String poolRun() {
        AtomicInteger threads = new AtomicInteger();
        ThreadFactory factory = task -> new Thread(task, "orders-worker-" + threads.incrementAndGet());
        orders = new ThreadPoolExecutor(2, 2, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(3), factory);
        for (int i = 0; i < 10; i++) {
            orders.execute(() -> {});
            awaitCompleted(i + 1); // one at a time: no task is rejected here
        }
        return "ran 10";
    }

    /** Two tasks block both threads, three wait in the queue, the sixth is rejected. */
    private static String poolBlock() {
        ordersRelease = new CountDownLatch(1);
        Runnable blocked = () -> {
            try {
                ordersRelease.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        // two tasks occupy both threads first, so the next three certainly wait in the queue
        orders.execute(blocked);
        orders.execute(blocked);
        awaitPool(2, 0);
        for (int i = 0; i < 3; i++) {
            orders.execute(blocked);
        }
        awaitPool(2, 3);
        try {
            orders.execute(blocked);
            return "not rejected";
        } catch (RejectedExecutionException expected) {
            return "blocked, 1 rejected";
        }
    }

    private static String poolRelease() {
        ordersRelease.countDown();
        awaitCompleted(15);
        return "completed 15";
    }

    private static String poolShutdown() {
        ThreadPoolExecutor pool = orders;
        orders = null;
        pool.shutdown();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        pool = null;
        System.gc();
        return "terminated";
    }

    private static String forkJoin() {
        int sum = 0;
        for (int i = 0; i < 3; i++) {
            int n = i;
            // the pool itself: CompletableFuture skips the common pool when its parallelism is 1 (2 CPUs)
            sum += ForkJoinPool.commonPool().submit(() -> n).join();
        }
        return "sum " + sum;
    }

    /** Tomcat's own ThreadPoolExecutor, with the connector's thread factory: 4 tasks. */
    private static String tomcatPool() {
        org.apache.tomcat.util.threads.ThreadPoolExecutor pool = new org.apache.tomcat.util.threads.ThreadPoolExecutor(
                1,
                1,
                1,
                TimeUnit.MINUTES,
                new LinkedBlockingQueue<>(),
                new TaskThreadFactory("http-nio-0-exec-", true, 5));
        for (int i = 0; i < 4; i++) {
            pool.execute(() -> {});
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (pool.getCompletedTaskCount() < 4 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        TOMCAT_POOLS[0] = pool;
        return "completed " + pool.getCompletedTaskCount();
    }

    /** Exits normally (shutdown hooks run) just after answering. */
    private static String exit() {
        Thread exit = new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            System.exit(0);
        });
        exit.start();
        return "exiting";
    }

    /** Keeps the Tomcat pool alive (and its series present) while the test scrapes. */
    private static final Object[] TOMCAT_POOLS = new Object[1];

    /** The application's own check that every call returned what it returns without the agent. */
    private static void expect(Object actual, Object expected) {
        if (!expected.equals(actual)) {
            throw new IllegalStateException("returned " + actual + ", expected " + expected);
        }
    }

    private static void awaitPool(int active, int queued) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while ((orders.getActiveCount() != active || orders.getQueue().size() != queued)
                && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    private static void awaitCompleted(long count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (orders.getCompletedTaskCount() < count && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }
}
