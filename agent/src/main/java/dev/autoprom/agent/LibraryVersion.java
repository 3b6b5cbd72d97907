package dev.autoprom.agent;

import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

/**
 * Which library a class came from, for {@code /autoprom}: the title and version in its jar's manifest
 * ({@code Implementation-*}, else OSGi {@code Bundle-*}), else the jar's file name ({@code c3p0-0.11.2.jar});
 * the JDK for its own classes. Read from the class file's URL, without loading the class; best effort.
 */
final class LibraryVersion {

    private LibraryVersion() {}

    static String of(ClassLoader loader, String binaryName) {
        try {
            String resource = binaryName.replace('.', '/') + ".class";
            URL url = loader == null ? null : loader.getResource(resource);
            if (url == null || "jrt".equals(url.getProtocol())) {
                // the bootstrap loader's classes here are the JDK's (jdk.httpserver, java.net.http)
                return loader == null || url != null ? "JDK " + Runtime.version() : "unknown";
            }
            String location = url.toString();
            int entry = location.lastIndexOf("!/");
            if (!"jar".equals(url.getProtocol()) || entry < 0) {
                return "unknown (" + url.getProtocol() + " class path entry)";
            }
            String jar = location.substring(0, entry);
            String jarName = jar.substring(jar.lastIndexOf('/') + 1);
            String version =
                    fromManifest(new URL(url, location.substring(0, entry + 2) + "META-INF/MANIFEST.MF"), jarName);
            return version != null ? version : jarName;
        } catch (Exception | LinkageError e) {
            return "unknown";
        }
    }

    /** Title and version from the manifest (the jar's name when it has no title), or null without a version. */
    private static String fromManifest(URL manifestUrl, String jarName) throws Exception {
        URLConnection connection = manifestUrl.openConnection();
        // no cached JarFile left open on the application's jar
        connection.setUseCaches(false);
        try (InputStream in = connection.getInputStream()) {
            Attributes main = new Manifest(in).getMainAttributes();
            String version = first(main, "Implementation-Version", "Bundle-Version");
            if (version == null) {
                return null;
            }
            String title = first(main, "Implementation-Title", "Bundle-Name");
            return title == null ? jarName : title + ' ' + version;
        }
    }

    private static String first(Attributes attributes, String name, String fallback) {
        String value = attributes.getValue(name);
        return value != null && !value.isEmpty() ? value : attributes.getValue(fallback);
    }
}
