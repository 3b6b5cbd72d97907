package dev.autoprom.attach;

/**
 * An expected failure of the command (bad input, a target it cannot or must not attach to): printed as one line,
 * no stack trace, and turned into the process's exit code.
 */
final class AttachFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    AttachFailure(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
