package testapp;

import io.undertow.Undertow;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.DeploymentManager;
import io.undertow.servlet.api.FilterInfo;
import io.undertow.servlet.api.ServletInfo;
import io.undertow.servlet.util.ImmediateInstanceFactory;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import java.net.InetSocketAddress;

/** Undertow 2.3 (servlet) with {@link TestServlets}. */
public final class UndertowApp {

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void main(String[] args) throws Exception {
        DeploymentInfo deployment = Servlets.deployment()
                .setClassLoader(UndertowApp.class.getClassLoader())
                .setContextPath("/")
                .setDeploymentName("test.war");
        TestServlets.register(new TestServlets.Setup() {
            @Override
            public void servlet(String name, HttpServlet servlet, boolean async, String... mappings) {
                ServletInfo info =
                        new ServletInfo(name, (Class) servlet.getClass(), new ImmediateInstanceFactory(servlet));
                info.setAsyncSupported(async);
                info.addMappings(mappings);
                deployment.addServlet(info);
            }

            @Override
            public void filter(String name, Filter filter, String urlPattern) {
                FilterInfo info = new FilterInfo(name, (Class) filter.getClass(), new ImmediateInstanceFactory(filter));
                info.setAsyncSupported(true);
                deployment.addFilter(info);
                deployment.addFilterUrlMapping(name, urlPattern, DispatcherType.REQUEST);
            }
        });
        DeploymentManager manager = Servlets.defaultContainer().addDeployment(deployment);
        manager.deploy();
        Undertow server = Undertow.builder()
                .addHttpListener(0, "127.0.0.1")
                .setHandler(manager.start())
                .build();
        server.start();
        InetSocketAddress address =
                (InetSocketAddress) server.getListenerInfo().get(0).getAddress();
        System.out.println("ready port=" + address.getPort());
    }
}
