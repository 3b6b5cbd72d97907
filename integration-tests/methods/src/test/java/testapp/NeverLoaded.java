package testapp;

/** Named in the methods file, never loaded by the application. */
public class NeverLoaded {
    public void x() {}
}
