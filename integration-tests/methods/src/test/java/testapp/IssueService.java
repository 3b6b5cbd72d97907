package testapp;

import io.micrometer.core.annotation.Counted;
import io.micrometer.core.annotation.Timed;

/** Micrometer annotations on every kind of method an AOP proxy misses. */
public class IssueService {

    @Timed(
            value = "issues.handle",
            extraTags = {"platform", "github"})
    public String handle(String id) {
        // self-invocation of a private annotated method: no proxy would see it
        return helper(id);
    }

    @Counted("issues.helper")
    private String helper(String id) {
        return "handled " + id;
    }

    @Counted(value = "issues.failing", recordFailuresOnly = true)
    public void maybeFail(boolean fail) {
        if (fail) {
            throw new IllegalStateException("failing on purpose");
        }
    }

    @Counted("issues.checked")
    public final int check(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative");
        }
        return n * 2;
    }

    @Timed
    public static int staticWork(int n) {
        return n + 1;
    }
}
