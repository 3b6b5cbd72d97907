package testapp;

import com.sun.net.httpserver.HttpServer;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.file.Files;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.glassfish.jersey.jdkhttp.JdkHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;

/** Jersey (JAX-RS) behind its servlet on Tomcat 11, mapped to {@code /api/*}; or on the JDK server (arg "jdk"). */
public final class JerseyApp {

    @Path("/greetings")
    public static class Greetings {
        @GET
        @Path("{name}")
        public String greet(@PathParam("name") String name) {
            return "hi " + name;
        }

        @POST
        public Response create(String body) {
            return Response.status(201).entity("created").build();
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("jdk")) {
            // Jersey on the JDK's HttpServer: context /api, resources below it
            HttpServer server = JdkHttpServerFactory.createHttpServer(
                    URI.create("http://127.0.0.1:0/api"), new ResourceConfig(Greetings.class));
            System.out.println("ready port=" + server.getAddress().getPort());
            return;
        }
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("jersey").toString());
        tomcat.setHostname("127.0.0.1");
        tomcat.setPort(0);
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "jersey", new ServletContainer(new ResourceConfig(Greetings.class)));
        context.addServletMappingDecoded("/api/*", "jersey");
        tomcat.getConnector();
        tomcat.start();
        System.out.println("ready port=" + tomcat.getConnector().getLocalPort());
    }
}
