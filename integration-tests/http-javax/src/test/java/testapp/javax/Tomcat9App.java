package testapp.javax;

import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.servlet.AsyncContext;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/** Embedded Tomcat 9 (javax.servlet 4.0): an exact mapping behind three filters, a failing, an async and a default servlet. */
public final class Tomcat9App {

    static final AtomicInteger FILTERED = new AtomicInteger();
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor();

    public static void main(String[] args) throws Exception {
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("tomcat9").toString());
        tomcat.setHostname("127.0.0.1");
        tomcat.setPort(0);
        Context context = tomcat.addContext("", null);
        servlet(context, "hello", new Hello(), "/hello");
        servlet(context, "fail", new Fail(), "/fail");
        servlet(context, "async", new Async(), "/async").setAsyncSupported(true);
        servlet(context, "fallback", new Fallback(), "/");
        for (int i = 0; i < 3; i++) {
            FilterDef def = new FilterDef();
            def.setFilterName("counting-" + i);
            def.setFilter(new Counting());
            context.addFilterDef(def);
            FilterMap map = new FilterMap();
            map.setFilterName("counting-" + i);
            map.addURLPattern("/hello");
            context.addFilterMap(map);
        }
        tomcat.getConnector();
        tomcat.start();
        System.out.println("ready port=" + tomcat.getConnector().getLocalPort());
    }

    private static org.apache.catalina.Wrapper servlet(
            Context context, String name, HttpServlet servlet, String mapping) {
        org.apache.catalina.Wrapper wrapper = Tomcat.addServlet(context, name, servlet);
        context.addServletMappingDecoded(mapping, name);
        return wrapper;
    }

    static final class Hello extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.getWriter().write("hello " + FILTERED.get());
        }
    }

    static final class Counting implements Filter {
        @Override
        public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain)
                throws IOException, ServletException {
            FILTERED.incrementAndGet();
            chain.doFilter(req, resp);
        }
    }

    static final class Fail extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
            throw new UnsupportedOperationException("javax servlet failed");
        }
    }

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

    static final class Fallback extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.sendError(404);
        }
    }
}
