package io.helidon.http;

/** Stub of Helidon 4.5.0's {@code io.helidon.http.PathMatchers}: only the nested type the advice uses. */
public final class PathMatchers {

    private PathMatchers() {}

    /** In Helidon a record ({@code accepted, matchedPath, unmatchedPath}): only the accessors the advice calls. */
    public static final class PrefixMatchResult {

        private PrefixMatchResult() {}

        public boolean accepted() {
            throw new UnsupportedOperationException("compile-time stub");
        }

        public RoutedPath matchedPath() {
            throw new UnsupportedOperationException("compile-time stub");
        }
    }
}
