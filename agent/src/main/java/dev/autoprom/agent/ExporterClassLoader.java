package dev.autoprom.agent;

import dev.autoprom.api.AgentLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * Loads the exporter, which needs classes the bootstrap loader cannot see ({@code com.sun.net.httpserver} lives
 * in the platform loader), and gives it a private copy of the JDK's HTTP server implementation.
 *
 * <p>Why a private copy: the JDK's {@code sun.net.httpserver.ServerConfig} reads the
 * {@code sun.net.httpserver.*} system properties once, when the first server is created. An exporter started
 * from premain on the shared implementation would freeze them before the application's {@code main} could set
 * them. The copy is read from the running JDK's own {@code jdk.httpserver} module, so it always matches the
 * JDK; its one call to {@code System.getLogger} is redirected to the agent's logger, because that call from a
 * non-JDK class would initialise {@code java.util.logging} from premain.
 *
 * <p>Child-first for the packages below, parent-first (platform, then bootstrap) for everything else, so the
 * exporter shares the agent's registry and configuration classes.
 */
final class ExporterClassLoader extends ClassLoader {

    static final String EXPORTER_PACKAGE = "dev.autoprom.agent.exporter.";
    private static final String JDK_SERVER_PACKAGE = "sun.net.httpserver.";
    private static final String GET_LOGGER = "(Ljava/lang/String;)Ljava/lang/System$Logger;";

    static {
        registerAsParallelCapable();
    }

    private final JarFile agentJar;
    private final boolean privateJdkServer;
    private final ClassFileLocator jdkLocator = ClassFileLocator.ForClassLoader.of(getPlatformClassLoader());

    ExporterClassLoader(JarFile agentJar, boolean privateJdkServer) {
        super("autoprom-exporter", getPlatformClassLoader());
        this.agentJar = agentJar;
        this.privateJdkServer = privateJdkServer;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        boolean own = name.startsWith(EXPORTER_PACKAGE)
                || (privateJdkServer && name.startsWith(JDK_SERVER_PACKAGE) && !name.contains(".simpleserver."));
        if (!own) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                byte[] bytes = name.startsWith(JDK_SERVER_PACKAGE) ? jdkServerClass(name) : agentClass(name);
                loaded = defineClass(name, bytes, 0, bytes.length);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    private byte[] agentClass(String name) throws ClassNotFoundException {
        JarEntry entry = agentJar.getJarEntry(name.replace('.', '/') + ".class");
        if (entry == null) {
            throw new ClassNotFoundException(name);
        }
        try (InputStream in = agentJar.getInputStream(entry)) {
            return readAll(in);
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
    }

    private byte[] jdkServerClass(String name) throws ClassNotFoundException {
        try {
            byte[] bytes = jdkLocator.locate(name).resolve();
            if (name.equals("sun.net.httpserver.ServerImpl")) {
                bytes = withAgentLogger(bytes);
            }
            return bytes;
        } catch (IOException | IllegalStateException e) {
            throw new ClassNotFoundException(name, e);
        }
    }

    /**
     * Rewrites {@code System.getLogger(String)} calls into {@link ExporterLogging#getLogger(String)}: one pass of
     * ASM over one class, which is much cheaper at start-up than a full ByteBuddy redefinition.
     */
    private static byte[] withAgentLogger(byte[] original) {
        ClassReader reader = new ClassReader(original);
        ClassWriter writer = new ClassWriter(reader, 0);
        String replacementOwner = ExporterLogging.class.getName().replace('.', '/');
        reader.accept(new ClassVisitor(OpenedClassReader.ASM_API, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return new MethodVisitor(OpenedClassReader.ASM_API,
                        super.visitMethod(access, name, descriptor, signature, exceptions)) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String desc,
                            boolean isInterface) {
                        if (opcode == Opcodes.INVOKESTATIC && owner.equals("java/lang/System")
                                && method.equals("getLogger") && desc.equals(GET_LOGGER)) {
                            super.visitMethodInsn(opcode, replacementOwner, method, desc, false);
                        } else {
                            super.visitMethodInsn(opcode, owner, method, desc, isInterface);
                        }
                    }
                };
            }
        }, 0);
        return writer.toByteArray();
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) > 0) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    static void logFallback(Throwable reason) {
        AgentLog.debug("private copy of the JDK HTTP server not usable (" + reason + "); the exporter uses the "
                + "shared one, so sun.net.httpserver.* properties are read when the agent starts");
    }
}
