package testapp;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** Jetty 12 (ee10) with {@link TestServlets}. */
public final class JettyApp {

    public static void main(String[] args) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        TestServlets.register(new TestServlets.Setup() {
            @Override
            public void servlet(String name, HttpServlet servlet, boolean async, String... mappings) {
                ServletHolder holder = new ServletHolder(name, servlet);
                holder.setAsyncSupported(async);
                for (String mapping : mappings) {
                    context.addServlet(holder, mapping);
                }
            }

            @Override
            public void filter(String name, Filter filter, String urlPattern) {
                FilterHolder holder = new FilterHolder(filter);
                holder.setName(name);
                holder.setAsyncSupported(true);
                context.addFilter(holder, urlPattern, EnumSet.of(DispatcherType.REQUEST));
            }
        });
        server.setHandler(context);
        server.start();
        System.out.println("ready port=" + connector.getLocalPort());
    }
}
