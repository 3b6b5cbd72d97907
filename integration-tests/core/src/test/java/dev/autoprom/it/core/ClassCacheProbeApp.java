package dev.autoprom.it.core;

/**
 * The application of {@link ClassCacheIT}'s super-type test: loads {@code cacheprobe.Probe} (compiled by the test
 * into a folder on the class path; a JDBC statement or not depending on which {@code cacheprobe.Base} is there),
 * prints DONE and waits to be scraped.
 */
public class ClassCacheProbeApp {

    public static void main(String[] args) throws Exception {
        Class.forName("cacheprobe.Probe");
        System.out.println("DONE");
        Thread.sleep(Long.MAX_VALUE);
    }
}
