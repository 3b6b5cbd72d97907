package dev.autoprom.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
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

    /**
     * Every class file of {@code java.base} (every constant-pool layout javac and jlink produce), judged by the
     * filter and by a plain reading of the same file with ASM: a class is a candidate when its constant pool
     * holds an annotation it looks for, declares a method it looks for, or names more of those methods than the
     * scan remembers.
     */
    @Test
    void agreesWithAsmOnEveryClassOfJavaBase() throws IOException {
        Set<String> methods = Set.of("execute", "close", "run", "get", "accept", "apply", "submit");
        String annotation = "jdk.internal.vm.annotation.ForceInline";
        CandidateFilter filter =
                CandidateFilter.of(List.of(CandidateTypes.declaringMethod(methods.toArray(new String[0]))
                        .or(CandidateTypes.annotatedWith(annotation))));
        byte[] descriptor = ("L" + annotation.replace('.', '/') + ";").getBytes(StandardCharsets.UTF_8);
        FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
        int judged = 0;
        int candidates = 0;
        try (Stream<Path> files = Files.walk(jrt.getPath("/modules/java.base"))) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                if (file.getFileName().toString().equals("module-info.class")) {
                    continue;
                }
                byte[] bytes = Files.readAllBytes(file);
                ClassReader reader = new ClassReader(bytes);
                boolean expected = isCandidateByAsm(reader, bytes, methods, descriptor);
                assertThat(filter.isCandidate(reader.getClassName(), bytes))
                        .as(reader.getClassName())
                        .isEqualTo(expected);
                judged++;
                candidates += expected ? 1 : 0;
            }
        }
        // both answers occur, often: the comparison is not one-sided
        assertThat(judged).isGreaterThan(5000);
        assertThat(candidates).isBetween(judged / 10, judged - judged / 10);
    }

    private static boolean isCandidateByAsm(ClassReader reader, byte[] bytes, Set<String> methods, byte[] wanted) {
        int namedMethods = 0;
        for (int item = 1; item < reader.getItemCount(); item++) {
            int offset = reader.getItem(item);
            if (offset == 0 || bytes[offset - 1] != 1) {
                continue; // the second slot of a long or double, or not UTF-8
            }
            int length = reader.readUnsignedShort(offset);
            byte[] utf8 = Arrays.copyOfRange(bytes, offset + 2, offset + 2 + length);
            if (Arrays.equals(utf8, wanted)) {
                return true;
            }
            if (methods.contains(new String(utf8, StandardCharsets.UTF_8))) {
                namedMethods++;
            }
        }
        if (namedMethods > 4) {
            return true;
        }
        boolean[] declares = {false};
        reader.accept(
                new ClassVisitor(Opcodes.ASM9) {
                    @Override
                    public MethodVisitor visitMethod(
                            int access, String name, String descriptor, String signature, String[] exceptions) {
                        declares[0] |= methods.contains(name);
                        return null;
                    }
                },
                ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return declares[0];
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
