package dev.autoprom.bootstrap;

import java.io.File;
import java.lang.instrument.Instrumentation;
import java.util.jar.JarFile;

/**
 * {@code Premain-Class} and {@code Agent-Class}. Normally loaded from the boot class path already: the jar's
 * manifest names it in {@code Boot-Class-Path}, which the JVM applies before the application starts (see {@link
 * #onBootClassPath}). It appends the agent jar to the bootstrap search path only if it is not there yet (a
 * renamed jar, or an attach to a running JVM) and calls the real entry point there, so that advice inlined into
 * any class (including the JDK's own) can reach the agent's classes, and no agent class is ever defined twice.
 * It must not touch any other agent class directly.
 */
public final class AgentTrampoline {

    private static final String ENTRY_POINT = "dev.autoprom.agent.AgentMain";

    private AgentTrampoline() {}

    public static void premain(String agentArgs, Instrumentation inst) {
        start(agentArgs, inst, false);
    }

    public static void agentmain(String agentArgs, Instrumentation inst) {
        start(agentArgs, inst, true);
    }

    /**
     * Whether the agent jar is on the boot class path already: put there by the JVM at start-up from the
     * manifest's {@code Boot-Class-Path} (a file of that name next to the {@code -javaagent} jar, i.e. the jar
     * itself unless it was renamed) or by {@code -Xbootclasspath/a}. Then the jar is not appended again: an
     * append at run time is what makes the JVM stop sharing every class outside the boot loader ("Sharing is
     * only supported for boot loader classes because bootstrap classpath has been appended"), while a boot
     * class path set at start-up is part of what a CDS archive or AOT cache records, so the application's
     * classes and the agent's own stay shared.
     */
    private static boolean onBootClassPath() {
        try {
            Class.forName(ENTRY_POINT, false, null);
            return true;
        } catch (ClassNotFoundException notThere) {
            return false;
        }
    }

    /**
     * The jar this class came from. From the system class loader its code source says so; a class of the boot
     * class path ({@code -Xbootclasspath/a}) has none, but its resource URL ({@code jar:file:...!/...}) names
     * the jar either way.
     */
    private static File agentJar() throws Exception {
        java.security.CodeSource source =
                AgentTrampoline.class.getProtectionDomain().getCodeSource();
        if (source != null && source.getLocation() != null) {
            return new File(source.getLocation().toURI());
        }
        String url = String.valueOf(AgentTrampoline.class.getResource("AgentTrampoline.class"));
        int separator = url.indexOf("!/");
        if (!url.startsWith("jar:") || separator < 0) {
            throw new IllegalStateException("cannot tell which jar the agent was loaded from: " + url);
        }
        return new File(new java.net.URI(url.substring("jar:".length(), separator)));
    }

    private static void start(String agentArgs, Instrumentation inst, boolean attachedLate) {
        File jar;
        boolean appendedAtRunTime = false;
        try {
            jar = agentJar();
            if (!onBootClassPath()) {
                inst.appendToBootstrapClassLoaderSearch(new JarFile(jar));
                appendedAtRunTime = true;
            }
        } catch (Exception e) {
            System.err.println("[autoprom] ERROR cannot add the agent jar to the bootstrap class path, agent not "
                    + "started: " + e);
            return;
        }
        try {
            Class.forName(ENTRY_POINT, true, null)
                    .getMethod("start", String.class, Instrumentation.class, File.class, boolean.class, boolean.class)
                    .invoke(null, agentArgs, inst, jar, attachedLate, appendedAtRunTime);
        } catch (java.lang.reflect.InvocationTargetException e) {
            // AgentMain only throws when autoprom.fail.fast=true asked it to refuse to start
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            throw new IllegalStateException(cause);
        } catch (ReflectiveOperationException | LinkageError e) {
            System.err.println("[autoprom] ERROR agent not started: " + e);
        }
    }
}
