package testapp;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** No annotation at all: the methods file names these. */
public class Issues {

    public String process(Issue issue, boolean fail) {
        if (fail) {
            throw new IllegalStateException("cannot process " + issue.id());
        }
        return "processed " + issue.id();
    }

    public void complete(int millis) throws InterruptedException {
        Thread.sleep(millis);
    }

    public void complete(int millis, String note) {}

    /** Runs until {@code release} opens: the calls-in-flight gauge is 1 meanwhile. */
    public void loop(CountDownLatch release) throws InterruptedException {
        release.await(60, TimeUnit.SECONDS);
    }
}
