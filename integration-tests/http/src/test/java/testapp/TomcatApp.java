package testapp;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import java.nio.file.Files;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;

/** Embedded Tomcat with {@link TestServlets}. */
public final class TomcatApp {

    public static void main(String[] args) throws Exception {
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("tomcat").toString());
        tomcat.setHostname("127.0.0.1");
        tomcat.setPort(0);
        Context context = tomcat.addContext("", null);
        TestServlets.register(new TestServlets.Setup() {
            @Override
            public void servlet(String name, HttpServlet servlet, boolean async, String... mappings) {
                Wrapper wrapper = Tomcat.addServlet(context, name, servlet);
                wrapper.setAsyncSupported(async);
                for (String mapping : mappings) {
                    context.addServletMappingDecoded(mapping, name);
                }
            }

            @Override
            public void filter(String name, Filter filter, String urlPattern) {
                FilterDef def = new FilterDef();
                def.setFilterName(name);
                def.setFilter(filter);
                def.setAsyncSupported("true");
                context.addFilterDef(def);
                FilterMap map = new FilterMap();
                map.setFilterName(name);
                map.addURLPattern(urlPattern);
                context.addFilterMap(map);
            }
        });
        tomcat.getConnector();
        Connector https = args.length > 0 && args[0].equals("https") ? httpsConnector() : null;
        if (https != null) {
            tomcat.getService().addConnector(https);
        }
        tomcat.start();
        if (https != null) {
            System.out.println("https port=" + https.getLocalPort());
        }
        System.out.println("ready port=" + tomcat.getConnector().getLocalPort());
    }

    private static Connector httpsConnector() throws Exception {
        Connector https = new Connector();
        https.setPort(0);
        https.setSecure(true);
        https.setScheme("https");
        https.setProperty("address", "127.0.0.1");
        https.setProperty("SSLEnabled", "true");
        SSLHostConfig ssl = new SSLHostConfig();
        SSLHostConfigCertificate certificate = new SSLHostConfigCertificate(ssl, SSLHostConfigCertificate.Type.RSA);
        certificate.setCertificateKeystoreFile(SelfSigned.keystore().toString());
        certificate.setCertificateKeystorePassword(SelfSigned.PASSWORD);
        certificate.setCertificateKeyAlias("server");
        ssl.addCertificate(certificate);
        https.addSslHostConfig(ssl);
        return https;
    }
}
