package dev.autoprom.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class RewrittenClassCacheTest {

    @TempDir
    Path temp;

    private static byte[] bytes(int length, int seed) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (i * 31 + seed);
        }
        return b;
    }

    private RewrittenClassCache open(Path dir) {
        return RewrittenClassCache.open(dir.toString(), "0123456789abcdef");
    }

    private static RewrittenClassCache.Decision rewrite(byte[] rewritten) {
        return new RewrittenClassCache.Decision(new int[] {2, 5}, new int[][] {{0, 3}, {1}}, rewritten);
    }

    private List<Path> entries(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".class")).collect(Collectors.toList());
        }
    }

    @Test
    void aStoredRewriteIsFoundByTheSameNameAndBytesOnly() throws Exception {
        RewrittenClassCache cache = open(temp.resolve("c"));
        byte[] original = bytes(3000, 1);
        byte[] rewritten = bytes(3500, 2);
        cache.store("com/example/Foo", original, rewrite(rewritten));

        RewrittenClassCache.Decision found = open(temp.resolve("c")).find("com/example/Foo", original.clone());
        assertThat(found).isNotNull();
        assertThat(found.bytes).isEqualTo(rewritten);
        assertThat(found.modules).containsExactly(2, 5);
        assertThat(found.hooks[0]).containsExactly(0, 3);
        assertThat(found.hooks[1]).containsExactly(1);

        RewrittenClassCache other = open(temp.resolve("c"));
        assertThat(other.find("com/example/Foo", bytes(3000, 7))).isNull();
        assertThat(other.find("com/example/Bar", original)).isNull();
        assertThat(other.rejected.get()).isZero();
        assertThat(entries(temp.resolve("c")))
                .singleElement()
                .satisfies(p ->
                        assertThat(p.getFileName().toString()).matches("com\\.example\\.Foo\\.[0-9a-f]+-3000\\.class"));
    }

    @Test
    void theFolderIsCreatedOwnerOnlyAndEachFingerprintHasItsOwn() throws Exception {
        Path dir = temp.resolve("new/cache");
        RewrittenClassCache a = RewrittenClassCache.open(dir.toString(), "aaaaaaaaaaaaaaaa");
        RewrittenClassCache b = RewrittenClassCache.open(dir.toString(), "bbbbbbbbbbbbbbbb");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(a.folder())))
                .isEqualTo("rwx------");
        byte[] original = bytes(100, 3);
        a.store("x/Y", original, rewrite(bytes(120, 4)));
        assertThat(b.find("x/Y", original)).isNull();
        assertThat(a.find("x/Y", original)).isNotNull();
    }

    @Test
    void aFolderGroupOrOthersMayWriteIsRefused() throws Exception {
        Path dir = Files.createDirectory(temp.resolve("shared"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxr-x"));
        assertThat(open(dir)).isNull();
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(open(dir)).isNotNull();
        assertThat(RewrittenClassCache.open("", "0123456789abcdef")).isNull();
    }

    @Test
    void aDamagedOrForeignEntryIsRejectedNeverThrown() throws Exception {
        Path dir = temp.resolve("c");
        RewrittenClassCache cache = open(dir);
        byte[] original = bytes(2000, 5);
        cache.store("a/B", original, rewrite(bytes(2100, 6)));
        Path entry = entries(dir).get(0);
        byte[] intact = Files.readAllBytes(entry);

        for (int cut : new int[] {0, 3, 15, intact.length / 2, intact.length - 1}) {
            Files.write(entry, java.util.Arrays.copyOf(intact, cut));
            assertThat(cache.find("a/B", original)).as("cut at %d", cut).isNull();
        }
        byte[] flipped = intact.clone();
        flipped[flipped.length - 20] ^= 1;
        Files.write(entry, flipped);
        assertThat(cache.find("a/B", original)).isNull();
        assertThat(cache.rejected.get()).isEqualTo(6);
        assertThat(cache.hits.get()).isZero();

        // an intact entry of another class under this file's name (renamed by hand) is not taken either
        cache.store("a/C", original, rewrite(bytes(10, 1)));
        Path other = entries(dir).stream()
                .filter(p -> p.getFileName().toString().startsWith("a.C."))
                .findFirst()
                .orElseThrow();
        Files.move(other, entry, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(cache.find("a/B", original)).isNull();
        assertThat(cache.rejected.get()).isEqualTo(7);
    }

    @Test
    void theFingerprintChangesWithModulesSettingsAndTheMethodsFile() throws Exception {
        Path jar = Files.write(temp.resolve("agent.jar"), bytes(10, 1));
        String base = RewrittenClassCache.fingerprint("1", jar, List.of("http/a", "jdbc/b"), "k=v\n", null);
        assertThat(RewrittenClassCache.fingerprint("1", jar, List.of("http/a", "jdbc/b"), "k=v\n", null))
                .isEqualTo(base)
                .matches("[0-9a-f]{16}");
        assertThat(RewrittenClassCache.fingerprint("2", jar, List.of("http/a", "jdbc/b"), "k=v\n", null))
                .isNotEqualTo(base);
        assertThat(RewrittenClassCache.fingerprint("1", jar, List.of("jdbc/b", "http/a"), "k=v\n", null))
                .isNotEqualTo(base);
        assertThat(RewrittenClassCache.fingerprint("1", jar, List.of("http/a", "jdbc/b"), "k=w\n", null))
                .isNotEqualTo(base);
        assertThat(RewrittenClassCache.fingerprint("1", jar, List.of("http/a", "jdbc/b"), "k=v\n", bytes(5, 1)))
                .isNotEqualTo(base);
        Files.write(jar, bytes(11, 1));
        assertThat(RewrittenClassCache.fingerprint("1", jar, List.of("http/a", "jdbc/b"), "k=v\n", null))
                .isNotEqualTo(base);
    }

    /** Starts racing on one folder: a reader sees a whole entry or none, never a half-written one. */
    @Test
    @Timeout(60)
    void concurrentWritersAndReadersNeverSeeHalfAnEntry() throws Exception {
        Path dir = temp.resolve("c");
        byte[] original = bytes(20_000, 9);
        byte[] rewritten = bytes(25_000, 10);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    RewrittenClassCache cache = open(dir);
                    int found = 0;
                    for (int i = 0; i < 200; i++) {
                        cache.store("p/Q", original, rewrite(rewritten));
                        RewrittenClassCache.Decision hit = cache.find("p/Q", original);
                        assertThat(hit).isNotNull();
                        assertThat(hit.bytes).isEqualTo(rewritten);
                        found++;
                    }
                    assertThat(cache.rejected.get()).isZero();
                    return found;
                }));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get(50, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(entries(dir)).hasSize(1);
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(f -> f.toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void aNotRewrittenDecisionKeepsWhatItDependedOn() throws Exception {
        RewrittenClassCache cache = open(temp.resolve("c"));
        byte[] original = bytes(500, 11);
        cache.store(
                "p/Plain",
                original,
                new RewrittenClassCache.Decision(
                        RewrittenClassCache.Decision.NONE,
                        new int[0][],
                        null,
                        new int[] {1, 4},
                        new int[] {7},
                        new String[] {"p.Base", "p.Gone"},
                        new long[] {42L, RewrittenClassCache.ABSENT}));
        RewrittenClassCache.Decision found = cache.find("p/Plain", original);
        assertThat(found.rewritten()).isFalse();
        assertThat(found.modules).isEmpty();
        assertThat(found.loaderRefused).containsExactly(1, 4);
        assertThat(found.sighted).containsExactly(7);
        assertThat(found.superTypes).containsExactly("p.Base", "p.Gone");
        assertThat(found.superTypeChecks).containsExactly(42L, RewrittenClassCache.ABSENT);
        assertThat(cache.storedUnchanged.get()).isEqualTo(1);
        assertThat(cache.stored.get()).isZero();
    }

    /** The super types' class files are read as the loader gives them: a changed or vanished one is noticed. */
    @Test
    void superTypesAreCheckedAgainstTheLoadersClassFiles() throws Exception {
        Path classes = Files.createDirectories(temp.resolve("classes/p"));
        Files.write(classes.resolve("Base.class"), bytes(300, 1));
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(
                new java.net.URL[] {temp.resolve("classes").toUri().toURL()}, null)) {
            long base = RewrittenClassCache.classFileCheck(loader, "p.Base");
            assertThat(base).isNotEqualTo(RewrittenClassCache.ABSENT);
            assertThat(RewrittenClassCache.classFileCheck(loader, "p.Gone")).isEqualTo(RewrittenClassCache.ABSENT);
            RewrittenClassCache.Decision entry = new RewrittenClassCache.Decision(
                    RewrittenClassCache.Decision.NONE,
                    new int[0][],
                    null,
                    RewrittenClassCache.Decision.NONE,
                    RewrittenClassCache.Decision.NONE,
                    new String[] {"p.Base", "p.Gone"},
                    new long[] {base, RewrittenClassCache.ABSENT});
            assertThat(RewrittenClassCache.superTypesUnchanged(entry, loader)).isTrue();

            Files.write(classes.resolve("Base.class"), bytes(300, 2)); // same size, other bytes
            assertThat(RewrittenClassCache.superTypesUnchanged(entry, loader)).isFalse();
            Files.write(classes.resolve("Base.class"), bytes(300, 1));
            assertThat(RewrittenClassCache.superTypesUnchanged(entry, loader)).isTrue();
            Files.write(classes.resolve("Gone.class"), bytes(10, 1)); // appeared
            assertThat(RewrittenClassCache.superTypesUnchanged(entry, loader)).isFalse();
            Files.delete(classes.resolve("Gone.class"));
            Files.delete(classes.resolve("Base.class")); // vanished
            assertThat(RewrittenClassCache.superTypesUnchanged(entry, loader)).isFalse();
        }
    }
}
