package dev.autoprom.it.core;

/**
 * The application of {@link ClassDataSharingIT}: a main of its own jar (class-data sharing archives only classes
 * from jars) that uses one more class of its own, waits (at most 30 s) until the agent says it serves, so that the
 * agent's whole start-up is in the class list, and exits.
 */
public class CdsApp {

    public static void main(String[] args) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!String.valueOf(System.getProperty("dev.autoprom.agent")).contains("state=serving")
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        System.out.println("CDS APP " + new Greeting().text());
    }

    static final class Greeting {
        String text() {
            return "DONE";
        }
    }
}
