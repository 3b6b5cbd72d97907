package testapp;

import org.eclipse.microprofile.metrics.annotation.Counted;
import org.eclipse.microprofile.metrics.annotation.Timed;

/** MicroProfile Metrics 5 annotations: absolute and relative names, tags. */
public class MpService {

    @Timed(
            name = "mp.request",
            absolute = true,
            tags = {"tier=gold"})
    public void request() {}

    @Counted(name = "calls")
    public void call(boolean fail) {
        if (fail) {
            throw new UnsupportedOperationException("no");
        }
    }
}
