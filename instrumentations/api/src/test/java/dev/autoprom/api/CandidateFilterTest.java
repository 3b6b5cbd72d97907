package dev.autoprom.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pre-filter must never reject a class a module could transform, and should reject the rest. Real class
 * files (the fixtures below, compiled by javac) are scanned, so constant-pool layouts are the compiler's.
 */
class CandidateFilterTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                // what the filter looks for, the class scanned, whether it is a candidate
                Arguments.of(CandidateTypes.declaringMethod("execute"), DeclaresExecute.class, true),
                Arguments.of(CandidateTypes.declaringMethod("execute"), DeclaresNothingOfInterest.class, false),
                // exact names, not prefixes: executeQuery is not execute
                Arguments.of(CandidateTypes.declaringMethod("execute"), DeclaresExecuteQuery.class, false),
                Arguments.of(CandidateTypes.declaringMethod("executeQuery"), DeclaresExecuteQuery.class, true),
                // long and double constants take two constant-pool slots; the scan must stay aligned past them
                Arguments.of(CandidateTypes.declaringMethod("afterWideConstants"), WideConstants.class, true),
                Arguments.of(CandidateTypes.declaringMethod("notThere"), WideConstants.class, false),
                // calling a method is not declaring it: its name is in the constant pool, not the methods table
                Arguments.of(CandidateTypes.declaringMethod("execute"), CallsExecute.class, false),
                // fields with attributes (ConstantValue, annotations) are skipped on the way to the methods
                Arguments.of(CandidateTypes.declaringMethod("execute"), FieldsThenExecute.class, true),
                // more advised names in the pool than the scan remembers: passed on to the matchers
                Arguments.of(CandidateTypes.declaringMethod("a", "b", "c", "d", "e"), CallsFiveNames.class, true),
                Arguments.of(CandidateTypes.declaringMethod("a", "b", "c", "d"), CallsFiveNames.class, false),
                Arguments.of(CandidateTypes.annotatedWith(Marker.class.getName()), AnnotatedMethod.class, true),
                Arguments.of(CandidateTypes.annotatedWith(Marker.class.getName()), DeclaresExecute.class, false),
                Arguments.of(
                        CandidateTypes.named(DeclaresNothingOfInterest.class.getName()),
                        DeclaresNothingOfInterest.class,
                        true),
                Arguments.of(
                        CandidateTypes.named(DeclaresExecute.class.getName()), DeclaresNothingOfInterest.class, false),
                // a nested class's binary name uses '$'
                Arguments.of(CandidateTypes.named(Outer.Inner.class.getName()), Outer.Inner.class, true),
                Arguments.of(
                        CandidateTypes.declaringMethod("x").or(CandidateTypes.named(DeclaresExecute.class.getName())),
                        DeclaresExecute.class,
                        true),
                Arguments.of(CandidateTypes.any(), DeclaresNothingOfInterest.class, true),
                Arguments.of(
                        CandidateTypes.declaringMethod("x").or(CandidateTypes.any()),
                        DeclaresNothingOfInterest.class,
                        true));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void judgesRealClassFiles(CandidateTypes wanted, Class<?> scanned, boolean candidate) throws IOException {
        CandidateFilter filter = CandidateFilter.of(List.of(wanted));
        assertThat(filter.isCandidate(internalName(scanned), classFile(scanned)))
                .isEqualTo(candidate);
    }

    @Test
    void aClassFileItCannotReadIsPassedOnNotDropped() throws IOException {
        CandidateFilter filter = CandidateFilter.of(List.of(CandidateTypes.declaringMethod("execute")));
        byte[] whole = classFile(DeclaresNothingOfInterest.class);
        assertThat(filter.isCandidate("x/Truncated", Arrays.copyOf(whole, whole.length / 3)))
                .isTrue();
        byte[] unknownTag = whole.clone();
        unknownTag[10] = 99; // first constant-pool entry
        assertThat(filter.isCandidate("x/UnknownTag", unknownTag)).isTrue();
    }

    private static String internalName(Class<?> type) {
        return type.getName().replace('.', '/');
    }

    private static byte[] classFile(Class<?> type) throws IOException {
        try (InputStream in = type.getClassLoader().getResourceAsStream(internalName(type) + ".class")) {
            return in.readAllBytes();
        }
    }

    static class DeclaresExecute {
        public boolean execute(String sql) {
            return sql.isEmpty();
        }
    }

    static class DeclaresExecuteQuery {
        public int executeQuery(String sql) {
            return sql.length();
        }
    }

    static class DeclaresNothingOfInterest {
        int size(List<String> values) {
            return values.size();
        }
    }

    static class CallsExecute {
        boolean run(DeclaresExecute target) {
            return target.execute("SELECT 1");
        }
    }

    static class FieldsThenExecute {
        static final String QUERY = "SELECT 1";
        static final long LIMIT = 10_000_000_000L;

        @Marker
        @Deprecated
        int annotated;

        public boolean execute(String sql) {
            return sql.equals(QUERY) && annotated < LIMIT;
        }
    }

    static class CallsFiveNames {
        int sum(Names n) {
            return n.a() + n.b() + n.c() + n.d() + n.e();
        }
    }

    interface Names {
        int a();

        int b();

        int c();

        int d();

        int e();
    }

    static class WideConstants {
        long big = 1_234_567_890_123L;
        double pi = 3.141592653589793;
        long other = -9_876_543_210_987L;

        void afterWideConstants() {
            big += other;
        }
    }

    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @interface Marker {}

    static class AnnotatedMethod {
        @Marker
        void handle() {}
    }

    static class Outer {
        static class Inner {}
    }
}
