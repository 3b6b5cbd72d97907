package dev.autoprom.attach;

import java.io.PrintStream;

/**
 * Bounds the whole command: the attach API has no time limit on some of its calls (a target that stops answering
 * in the middle of {@code loadAgent} would hold the command forever), so past the limit this prints which step
 * hung and ends the command. The target is not touched; the agent may still finish loading there.
 */
final class Watchdog {

    private final long limitMillis;
    private final PrintStream err;
    private volatile String step = "starting";

    Watchdog(long limitMillis, PrintStream err) {
        this.limitMillis = limitMillis;
        this.err = err;
    }

    Watchdog start() {
        Thread thread = new Thread(this::watch, "autoprom-attach-watchdog");
        thread.setDaemon(true); // the command's normal end must not wait for it
        thread.start();
        return this;
    }

    /** What the command does now, for the message if it hangs there. */
    void step(String step) {
        this.step = step;
    }

    private void watch() {
        try {
            Thread.sleep(limitMillis);
        } catch (InterruptedException e) {
            return;
        }
        err.println("autoprom: no answer within " + limitMillis / 1000 + " s while " + step + "; giving up (the "
                + "target may still finish loading the agent: see the application's log for [autoprom] lines)");
        err.flush();
        Runtime.getRuntime().halt(AttachCommand.FAILED);
    }
}
