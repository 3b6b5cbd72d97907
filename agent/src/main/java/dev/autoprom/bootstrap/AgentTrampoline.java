package dev.autoprom.bootstrap;

import java.io.File;
import java.lang.instrument.Instrumentation;
import java.util.jar.JarFile;

/**
 * {@code Premain-Class} and {@code Agent-Class}. Loaded by the system class loader, it only appends the agent
 * jar to the bootstrap search path and calls the real entry point there, so that advice inlined into any
 * class (including the JDK's own) can reach the agent's classes, and no agent class is ever defined twice.
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

    private static void start(String agentArgs, Instrumentation inst, boolean attachedLate) {
        File jar;
        try {
            jar = new File(AgentTrampoline.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            inst.appendToBootstrapClassLoaderSearch(new JarFile(jar));
        } catch (Exception e) {
            System.err.println("[autoprom] ERROR cannot add the agent jar to the bootstrap class path, agent not "
                    + "started: " + e);
            return;
        }
        try {
            Class.forName(ENTRY_POINT, true, null)
                    .getMethod("start", String.class, Instrumentation.class, File.class, boolean.class)
                    .invoke(null, agentArgs, inst, jar, attachedLate);
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
