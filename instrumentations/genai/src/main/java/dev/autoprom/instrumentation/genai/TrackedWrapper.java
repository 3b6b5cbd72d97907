package dev.autoprom.instrumentation.genai;

/**
 * What every wrapper the agent puts around an SDK's stream, handler or iterator holds: the object it forwards
 * to, unchanged for the application, and the call that its events and its end reach. Bridge classes extend it
 * while implementing the SDK's own interface, which is why it names no SDK type.
 */
public abstract class TrackedWrapper<D> {

    protected final D delegate;
    protected final GenAiCall call;

    protected TrackedWrapper(D delegate, GenAiCall call) {
        this.delegate = delegate;
        this.call = call;
    }

    /** A wrapper of something the application closes (a blocking or async SDK stream). */
    public abstract static class Closing<D> extends TrackedWrapper<D> {

        protected Closing(D delegate, GenAiCall call) {
            super(delegate, call);
        }

        /** The SDK object's own {@code close()}. */
        protected abstract void closeDelegate();

        /** Closes the SDK's object, then ends the call (if it had not ended), whatever that close threw. */
        public final void close() {
            try {
                closeDelegate();
            } finally {
                call.closed();
            }
        }
    }
}
