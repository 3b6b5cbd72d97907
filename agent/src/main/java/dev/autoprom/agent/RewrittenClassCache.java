package dev.autoprom.agent;

import dev.autoprom.api.AgentLog;
import dev.autoprom.api.SelfMetrics;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/**
 * What the agent decided for each class that reached its matchers (rewritten, or left as it is), kept on disk
 * between runs ({@code autoprom.class.cache.dir}), so that a later start of the same application with the same
 * agent and configuration takes the decision from the file instead of running ByteBuddy: most of the agent's
 * start-up cost is ByteBuddy's and ASM's first use and the JIT work it causes, paid even for one rewritten class.
 *
 * <p>An entry is found by the class's name and a checksum of its original bytes, under a folder named after the
 * {@linkplain #fingerprint fingerprint} of the agent jar and of every setting that changes what is rewritten; it
 * holds the original bytes, which must equal the loaded class's to the byte, the decision (the rewritten bytes,
 * or none when no module rewrote the class), what it did (which modules and hooks applied, replayed so that
 * {@code /autoprom} and the hook checks read as without the cache), what it depended on besides the class's own
 * bytes (the modules whose class-loader matcher refused the loader, and the class's super types outside
 * {@code java.*}, each with a checksum of its class file), and a checksum of the whole. A decision is used only
 * when all of that still holds (the loader matchers asked again, each super type's class file read and compared);
 * else the class goes through the matchers as without the cache and the entry is replaced. A short, corrupt or
 * foreign file is a miss, counted as rejected.
 *
 * <p>What is read from the folder is run as code, so the folder must be the user's own: created with owner-only
 * permissions, refused (one log line, cache off) when another user owns it or group or others may write it.
 */
final class RewrittenClassCache {

    /** This JVM among the writers of a folder: its start time, and the identity of this class in it. */
    private static final String WRITER = Long.toHexString(System.nanoTime()) + "-"
            + Integer.toHexString(System.identityHashCode(RewrittenClassCache.class));

    private static final AtomicLong TEMPORARY_NAMES = new AtomicLong();

    private static final int MAGIC = 0x41504332; // "APC2"
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private final Path folder;

    // for /autoprom: rewrites taken and stored, "not rewritten" answers taken and stored, decisions whose super
    // types or loader changed since (decided again), and damaged entries
    final AtomicInteger hits = new AtomicInteger();
    final AtomicInteger stored = new AtomicInteger();
    final AtomicInteger unchanged = new AtomicInteger();
    final AtomicInteger storedUnchanged = new AtomicInteger();
    final AtomicInteger stale = new AtomicInteger();
    final AtomicInteger rejected = new AtomicInteger();

    /**
     * What the agent decided for a class: the rewrite ({@code bytes}; null when no module rewrote it), the
     * indexes of the modules that applied and, per module, of its hooks, and what the decision depended on
     * beyond the class's own bytes: the modules whose class-loader matcher refused the loader, the modules that
     * matched the type but none of whose hooks applied (their hook check is queued again), and the class's
     * super types outside {@code java.*} with a checksum of the class file the loader gives for each
     * ({@link #ABSENT} when it had none).
     */
    static final class Decision {
        static final int[] NONE = new int[0];

        final int[] modules;
        final int[][] hooks;
        final byte[] bytes;
        final int[] loaderRefused;
        final int[] sighted;
        final String[] superTypes;
        final long[] superTypeChecks;

        Decision(int[] modules, int[][] hooks, byte[] bytes) {
            this(modules, hooks, bytes, NONE, NONE, new String[0], new long[0]);
        }

        Decision(
                int[] modules,
                int[][] hooks,
                byte[] bytes,
                int[] loaderRefused,
                int[] sighted,
                String[] superTypes,
                long[] superTypeChecks) {
            this.modules = modules;
            this.hooks = hooks;
            this.bytes = bytes;
            this.loaderRefused = loaderRefused;
            this.sighted = sighted;
            this.superTypes = superTypes;
            this.superTypeChecks = superTypeChecks;
        }

        boolean rewritten() {
            return bytes != null;
        }
    }

    /** For a super type the loader has no class file of. */
    static final long ABSENT = -1L;

    /**
     * The check of one class file as {@code loader} gives it ({@code getResourceAsStream}, as ByteBuddy's
     * locator reads it): its CRC-32 and length, or {@link #ABSENT}.
     */
    static long classFileCheck(ClassLoader loader, String binaryName) {
        String resource = binaryName.replace('.', '/') + ".class";
        try (java.io.InputStream in = loader == null
                ? ClassLoader.getSystemResourceAsStream(resource)
                : loader.getResourceAsStream(resource)) {
            if (in == null) {
                return ABSENT;
            }
            byte[] bytes = in.readAllBytes();
            CRC32 crc = new CRC32();
            crc.update(bytes);
            return (crc.getValue() << 32) | (bytes.length & 0xffffffffL);
        } catch (IOException | RuntimeException e) {
            return ABSENT;
        }
    }

    /** Whether every super type {@code entry} recorded reads the same from {@code loader} now. */
    static boolean superTypesUnchanged(Decision entry, ClassLoader loader) {
        for (int i = 0; i < entry.superTypes.length; i++) {
            if (classFileCheck(loader, entry.superTypes[i]) != entry.superTypeChecks[i]) {
                return false;
            }
        }
        return true;
    }

    private RewrittenClassCache(Path folder) {
        this.folder = folder;
    }

    /**
     * The cache in {@code dir} for this fingerprint, or null (off) when {@code dir} is empty or cannot be used
     * safely; then one log line names the setting, the folder and what was expected.
     */
    static RewrittenClassCache open(String dir, String fingerprint) {
        if (dir == null || dir.isEmpty()) {
            return null;
        }
        Path root = Paths.get(dir).toAbsolutePath();
        try {
            Path folder = root.resolve(fingerprint);
            String refusal = ownFolder(root);
            if (refusal == null) {
                refusal = ownFolder(folder);
            }
            if (refusal != null) {
                AgentLog.warn("autoprom.class.cache.dir=" + dir + " is not used: " + refusal
                        + "; expected a folder only its owner can write (created with mode 700 when missing)");
                return null;
            }
            return new RewrittenClassCache(folder);
        } catch (IOException | RuntimeException e) {
            AgentLog.warn("autoprom.class.cache.dir=" + dir + " is not used: " + e
                    + "; expected a folder this user can create and write");
            return null;
        }
    }

    /**
     * Creates {@code folder} owner-only if missing; returns why it may not be used, or null. Reads the numeric
     * owner and mode ({@code unix:} attributes: no user-name lookup, a few file-system calls); on a file system
     * without them (Windows) the folder is used as the platform's permissions leave it.
     */
    private static String ownFolder(Path folder) throws IOException {
        boolean unix = folder.getFileSystem().supportedFileAttributeViews().contains("unix");
        if (!Files.isDirectory(folder)) {
            if (unix) {
                Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createDirectories(folder);
            }
        }
        if (!unix) {
            return null;
        }
        Map<String, Object> attributes = Files.readAttributes(folder, "unix:uid,mode");
        int owner = (Integer) attributes.get("uid");
        int mode = (Integer) attributes.get("mode");
        int self = currentUid(folder);
        if (owner != self) {
            return folder + " belongs to user id " + owner + ", not to this user (" + self + ")";
        }
        if ((mode & 0022) != 0) {
            return folder + " is writable by " + ((mode & 0002) != 0 ? "others" : "its group") + " (mode "
                    + Integer.toOctalString(mode & 0777) + ")";
        }
        return null;
    }

    /**
     * A name no other writer uses at the same time: this process's {@link #WRITER} and a counter. Not {@code
     * Files.createTempFile}, whose random name initialises {@code SecureRandom} (~15 ms at start-up), nor {@code
     * ProcessHandle}, whose set-up inside a transform loads the JDK executors the transform may be rewriting (the
     * JVM then hangs); {@code CREATE_NEW} still refuses a file that is already there.
     */
    private static String temporaryName() {
        return ".entry-" + WRITER + "-" + TEMPORARY_NAMES.incrementAndGet() + ".tmp";
    }

    /**
     * The user id of this process (there is no Java API for it): on Linux the owner of {@code /proc/self}, else
     * the owner of a file it creates. Not {@code Files.createTempFile}: its random name costs ~15 ms of premain
     * initialising {@code SecureRandom}. A process the kernel shows as root's there (a set-uid one) gets its
     * own folder refused, which is the safe side.
     */
    private static int currentUid(Path folder) throws IOException {
        Path self = Paths.get("/proc/self");
        if (Files.isDirectory(self)) {
            return (Integer) Files.getAttribute(self, "unix:uid");
        }
        Path probe = folder.resolve(".owner-" + WRITER + ".probe");
        Files.deleteIfExists(probe);
        Files.createFile(probe);
        try {
            return (Integer) Files.getAttribute(probe, "unix:uid");
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    /**
     * A checksum of everything that decides what the agent rewrites and how: the agent jar (its size and time,
     * which change with every build) and version, the enabled modules in order (their indexes are stored), and
     * the settings and files that change targets or advice. Not a security measure; the folder's permissions are.
     */
    static String fingerprint(
            String agentVersion, Path agentJar, Iterable<String> enabledModules, String settings, byte[] methodsFile) {
        StringBuilder text = new StringBuilder(agentVersion).append('\n');
        try {
            text.append(Files.size(agentJar))
                    .append(' ')
                    .append(Files.getLastModifiedTime(agentJar).toMillis());
        } catch (IOException | RuntimeException e) {
            text.append(agentJar);
        }
        text.append('\n').append(System.getProperty("java.vm.version")).append('\n');
        for (String module : enabledModules) {
            text.append(module).append(',');
        }
        text.append('\n').append(settings);
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        // two independent 32-bit checksums of the same bytes: 64 bits, so that two configurations practically
        // never share a folder, without loading a message digest at premain
        Checksum[] sums = {new CRC32(), new CRC32C()};
        for (Checksum sum : sums) {
            sum.update(bytes, 0, bytes.length);
            if (methodsFile != null) {
                sum.update(methodsFile, 0, methodsFile.length);
            }
        }
        return String.format("%08x%08x", sums[0].getValue(), sums[1].getValue());
    }

    Path folder() {
        return folder;
    }

    /** The decision for this class stored by an earlier run, or null. Never throws. */
    Decision find(String internalName, byte[] classFile) {
        Path file = fileOf(internalName, classFile);
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (NoSuchFileException missing) {
            return null;
        } catch (IOException | RuntimeException e) {
            rejected.incrementAndGet();
            return null;
        }
        try {
            Decision decision = parse(data, internalName, classFile);
            if (decision == null) {
                rejected.incrementAndGet();
                AgentLog.warnOnce(
                        "class-cache:" + file,
                        "ignored " + file + ": not an intact entry for " + internalName
                                + " (the class is rewritten again and the entry replaced)");
                return null;
            }
            return decision;
        } catch (RuntimeException corrupt) {
            rejected.incrementAndGet();
            return null;
        }
    }

    private static Decision parse(byte[] data, String internalName, byte[] classFile) {
        if (data.length < 16) {
            return null;
        }
        ByteBuffer in = ByteBuffer.wrap(data);
        CRC32 crc = new CRC32();
        crc.update(data, 0, data.length - 8);
        if (in.getLong(data.length - 8) != crc.getValue() || in.getInt() != MAGIC) {
            return null;
        }
        if (!internalName.equals(new String(bytes(in), StandardCharsets.UTF_8))) {
            return null;
        }
        if (!Arrays.equals(bytes(in), classFile)) {
            return null;
        }
        int[] modules = ints(in);
        int[][] hooks = new int[modules.length][];
        for (int m = 0; m < modules.length; m++) {
            hooks[m] = ints(in);
        }
        byte[] rewritten = in.getInt() == 1 ? bytes(in) : null;
        int[] loaderRefused = ints(in);
        int[] sighted = ints(in);
        String[] superTypes = new String[in.getInt()];
        long[] checks = new long[superTypes.length];
        for (int i = 0; i < superTypes.length; i++) {
            superTypes[i] = new String(bytes(in), StandardCharsets.UTF_8);
            checks[i] = in.getLong();
        }
        return in.position() == data.length - 8
                ? new Decision(modules, hooks, rewritten, loaderRefused, sighted, superTypes, checks)
                : null;
    }

    private static byte[] bytes(ByteBuffer in) {
        byte[] b = new byte[in.getInt()];
        in.get(b);
        return b;
    }

    private static int[] ints(ByteBuffer in) {
        int[] values = new int[in.getInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.getInt();
        }
        return values;
    }

    private static void ints(DataOutputStream out, int[] values) throws IOException {
        out.writeInt(values.length);
        for (int value : values) {
            out.writeInt(value);
        }
    }

    private static void bytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    /** Stores a decision for the next run: written aside, then moved into place, so a reader never sees half. */
    void store(String internalName, byte[] classFile, Decision decision) {
        Path file = fileOf(internalName, classFile);
        Path temporary = null;
        try {
            int rewrittenLength = decision.bytes == null ? 0 : decision.bytes.length;
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(classFile.length + rewrittenLength + 256);
            DataOutputStream out = new DataOutputStream(buffer);
            out.writeInt(MAGIC);
            bytes(out, internalName.getBytes(StandardCharsets.UTF_8));
            bytes(out, classFile);
            ints(out, decision.modules);
            for (int[] moduleHooks : decision.hooks) {
                ints(out, moduleHooks);
            }
            out.writeInt(decision.bytes == null ? 0 : 1);
            if (decision.bytes != null) {
                bytes(out, decision.bytes);
            }
            ints(out, decision.loaderRefused);
            ints(out, decision.sighted);
            out.writeInt(decision.superTypes.length);
            for (int i = 0; i < decision.superTypes.length; i++) {
                bytes(out, decision.superTypes[i].getBytes(StandardCharsets.UTF_8));
                out.writeLong(decision.superTypeChecks[i]);
            }
            out.flush();
            CRC32 crc = new CRC32();
            byte[] data = buffer.toByteArray();
            crc.update(data);
            out.writeLong(crc.getValue());
            out.flush();
            temporary = folder.resolve(temporaryName());
            Files.write(temporary, buffer.toByteArray(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
            temporary = null;
            if (decision.rewritten()) {
                stored.incrementAndGet();
            } else {
                storedUnchanged.incrementAndGet();
            }
        } catch (IOException | RuntimeException e) {
            AgentLog.warnOnce(
                    "class-cache-write",
                    "cannot write to autoprom.class.cache.dir (" + folder + "): " + e
                            + "; rewritten classes are not kept for the next start");
            SelfMetrics.recordError("installer", e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // a leftover temporary file is never read: entries end in .class
                }
            }
        }
    }

    /** {@code com.example.Foo$Bar.1a2b3c4d-5120.class}: the name says what it holds; long names are shortened. */
    private Path fileOf(String internalName, byte[] classFile) {
        CRC32 crc = new CRC32();
        crc.update(classFile);
        String name = internalName.replace('/', '.');
        if (name.length() > 180) {
            CRC32 nameCrc = new CRC32();
            nameCrc.update(internalName.getBytes(StandardCharsets.UTF_8));
            name = name.substring(0, 160) + '~' + Long.toHexString(nameCrc.getValue());
        }
        return folder.resolve(name + '.' + Long.toHexString(crc.getValue()) + '-' + classFile.length + ".class");
    }
}
