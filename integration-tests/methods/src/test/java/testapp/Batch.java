package testapp;

import io.micrometer.core.annotation.Timed;

/** A class-level @Timed: its public methods are timed, its private ones are not. */
@Timed("batch.step")
public class Batch {

    public int first() {
        return inner();
    }

    public int second() {
        return 2;
    }

    private int inner() {
        return 1;
    }
}
