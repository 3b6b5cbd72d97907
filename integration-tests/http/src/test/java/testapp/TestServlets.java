package testapp;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The same jakarta servlets and filters for every container app, so each container's test asserts the same
 * contract. (In package {@code testapp}: the agent never instruments its own {@code dev.autoprom} packages.)
 */
public final class TestServlets {

    /** How a container app registers a servlet or a filter. */
    public interface Setup {
        void servlet(String name, HttpServlet servlet, boolean async, String... mappings);

        void filter(String name, Filter filter, String urlPattern);
    }

    private static final ScheduledExecutorService TIMER = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "async-completer");
        t.setDaemon(true);
        return t;
    });

    private TestServlets() {}

    public static void register(Setup setup) {
        setup.servlet("hello", new Text("hello"), false, "/hello", "/load", "/after");
        setup.servlet("fallback-hits", new FallbackHits(), false, "/fallback-hits");
        setup.servlet("orders", new Orders(), false, "/orders/*");
        setup.servlet("chained", new Chained(), false, "/chained");
        setup.servlet("fail", new Fail(), false, "/fail");
        setup.servlet("unavailable", new Unavailable(), false, "/unavailable");
        setup.servlet("async", new Async(), true, "/async");
        setup.servlet("async-timeout", new AsyncTimeout(), true, "/async-timeout");
        setup.servlet("stream", new Stream(), false, "/stream");
        setup.servlet("hold", new Hold(), false, "/hold");
        setup.servlet("dispatching", new Dispatching(), false, "/forward", "/include");
        setup.servlet("target", new Text("target"), false, "/target");
        setup.servlet("release", new Release(), false, "/release");
        setup.servlet("fallback", new Fallback(), false, "/");
        for (int i = 0; i < Chained.FILTERS.length; i++) {
            setup.filter("counting-" + i, new Counting(Chained.FILTERS[i]), "/chained");
        }
    }

    static final class Text extends HttpServlet {
        private final String text;

        Text(String text) {
            this.text = text;
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.getWriter().write(text);
        }
    }

    static final class Orders extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.getWriter().write("order " + req.getPathInfo());
        }
    }

    /** Answers with how often each of the three filters in front of it ran. */
    static final class Chained extends HttpServlet {
        static final AtomicInteger[] FILTERS = {new AtomicInteger(), new AtomicInteger(), new AtomicInteger()};

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.getWriter().write(FILTERS[0].get() + "," + FILTERS[1].get() + "," + FILTERS[2].get());
        }
    }

    static final class Counting implements Filter {
        private final AtomicInteger counter;

        Counting(AtomicInteger counter) {
            this.counter = counter;
        }

        @Override
        public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain)
                throws IOException, ServletException {
            counter.incrementAndGet();
            chain.doFilter(req, resp);
        }
    }

    static final class Fail extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
            throw new IllegalStateException("servlet failed");
        }
    }

    static final class Unavailable extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.sendError(503);
        }
    }

    /** Completes 200 ms after service() returned, from another thread. */
    static final class Async extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
            AsyncContext async = req.startAsync();
            TIMER.schedule(
                    () -> {
                        try {
                            async.getResponse().getWriter().write("async");
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                        async.complete();
                    },
                    200,
                    TimeUnit.MILLISECONDS);
        }
    }

    /** Never completes: the container times it out after 100 ms and answers 500 itself. */
    static final class AsyncTimeout extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
            req.startAsync().setTimeout(100);
        }
    }

    /** How many requests the default servlet served (a client may retry a GET; the server is the truth). */
    static final class FallbackHits extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.getWriter().write(String.valueOf(Fallback.HITS.get()));
        }
    }

    /** Forwards to, or includes, {@code /target}: still one request. */
    static final class Dispatching extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException, ServletException {
            if (req.getServletPath().equals("/forward")) {
                req.getRequestDispatcher("/target").forward(req, resp);
            } else {
                resp.getWriter().write("included:");
                req.getRequestDispatcher("/target").include(req, resp);
            }
        }
    }

    private static volatile java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);

    /** Answers only once {@code /release} is called (at most 30 s): a request that stays in flight. */
    static final class Hold extends HttpServlet {
        @Override
        protected void doDelete(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            try {
                held.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            resp.getWriter().write("released");
        }
    }

    static final class Release extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
            held.countDown();
            held = new java.util.concurrent.CountDownLatch(1);
        }
    }

    /** Streams about 12 MB slowly: long enough for a client to hang up in the middle. */
    static final class Stream extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            byte[] chunk = new byte[64 * 1024];
            for (int i = 0; i < 200; i++) {
                resp.getOutputStream().write(chunk);
                resp.flushBuffer();
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** The default servlet: any path that no other mapping matches. */
    static final class Fallback extends HttpServlet {
        static final AtomicInteger HITS = new AtomicInteger();

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            HITS.incrementAndGet();
            resp.setStatus(404);
            resp.getWriter().write("no page at " + req.getRequestURI());
        }
    }
}
