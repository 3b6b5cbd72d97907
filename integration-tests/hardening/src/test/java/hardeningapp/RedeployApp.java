package hardeningapp;

import java.lang.ref.WeakReference;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;

/**
 * Embedded Tomcat 11 with a web application built on the fly (WEB-INF/web.xml, the servlet's class file in
 * WEB-INF/classes, H2 in WEB-INF/lib), so that the webapp's own class loader defines its servlet and driver. It
 * is deployed {@code DEPLOYMENTS} times, serves {@code REQUESTS} requests each time and is undeployed; the app then
 * waits (System.gc() loop, 60 s deadline) for the webapps' class loaders to be collected and prints how many were
 * ({@code LOADERS_COLLECTED=3}) and {@code REDEPLOY DONE}.
 */
public final class RedeployApp {

    public static final int REQUESTS = 20;
    public static final int DEPLOYMENTS = 3;

    public static void main(String[] args) throws Exception {
        Path base = Files.createTempDirectory("redeploy");
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(base.resolve("tomcat").toString());
        tomcat.setPort(0);
        tomcat.getConnector();
        tomcat.getHost().setAutoDeploy(false);
        tomcat.start();
        int port = tomcat.getConnector().getLocalPort();

        Path docBase = webapp(base.resolve("webapp"));
        java.util.List<WeakReference<ClassLoader>> loaders = new java.util.ArrayList<>();
        for (int i = 0; i < DEPLOYMENTS; i++) {
            loaders.add(deployServeUndeploy(tomcat, docBase, port));
        }
        long deadline = System.nanoTime() + 60_000_000_000L;
        int gcs = 0;
        while (loaders.stream().anyMatch(l -> l.get() != null) && System.nanoTime() < deadline) {
            System.gc();
            gcs++;
            Thread.sleep(200);
        }
        System.out.println("GCS=" + gcs);
        System.out.println("LOADERS_COLLECTED="
                + loaders.stream().filter(l -> l.get() == null).count());
        System.out.println("REDEPLOY DONE");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    /** Deploys the webapp at /app, sends the requests, undeploys it; returns a weak reference to its loader. */
    private static WeakReference<ClassLoader> deployServeUndeploy(Tomcat tomcat, Path docBase, int port)
            throws Exception {
        Context context = tomcat.addWebapp("/app", docBase.toString());
        ClassLoader webappLoader = context.getLoader().getClassLoader();
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int i = 0; i < REQUESTS; i++) {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/app/hello?i=" + i))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            System.out.println("RESULT " + i + " = " + response.statusCode() + " " + response.body());
        }
        tomcat.getHost().removeChild(context);
        System.out.println("UNDEPLOYED state=" + context.getState());
        return new WeakReference<>(webappLoader);
    }

    /** WEB-INF/web.xml, WEB-INF/classes/hardeningapp/webapp/HelloServlet.class, WEB-INF/lib/h2.jar. */
    private static Path webapp(Path docBase) throws Exception {
        Path webInf = docBase.resolve("WEB-INF");
        String servletClass = "hardeningapp.webapp.HelloServlet";
        Path classFile = webInf.resolve("classes").resolve(servletClass.replace('.', '/') + ".class");
        Files.createDirectories(classFile.getParent());
        try (var in = RedeployApp.class.getResourceAsStream("/" + servletClass.replace('.', '/') + ".class")) {
            Files.copy(in, classFile);
        }
        Files.createDirectories(webInf.resolve("lib"));
        Path h2 = Paths.get(org.h2.Driver.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        Files.copy(h2, webInf.resolve("lib/h2.jar"), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(
                webInf.resolve("web.xml"),
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        + "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\" metadata-complete=\"true\">\n"
                        + "  <servlet><servlet-name>hello</servlet-name><servlet-class>" + servletClass
                        + "</servlet-class></servlet>\n"
                        + "  <servlet-mapping><servlet-name>hello</servlet-name><url-pattern>/hello</url-pattern>"
                        + "</servlet-mapping>\n</web-app>\n");
        return docBase;
    }
}
