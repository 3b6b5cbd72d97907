package dev.autoprom.agent;

import dev.autoprom.api.AgentLog;
import dev.autoprom.api.SelfMetrics;
import dev.autoprom.api.WeakIdentityMap;

/**
 * Whether the classes of a loader can reach the agent's own classes, which every inlined advice calls (the
 * family's hooks, and {@link AdviceFailures} when the advice fails). Standard loaders delegate to the boot
 * loader, where the agent lives; a container that filters what its modules see (JBoss Modules in WildFly and
 * JBoss EAP, an OSGi framework without boot delegation) may not. Advice inlined into such a class would fail on
 * its first call, and so would its failure handler, with a {@code NoClassDefFoundError} thrown into the
 * application: such classes are left unchanged instead, with one log line per kind of loader that says how to
 * let the agent in, and a count in {@code autoprom_agent_errors_total{component="hidden_loader"}}.
 *
 * <p>Checked once per loader, when its first class would be instrumented, by resolving the agent's class
 * through it (without initializing anything) and comparing with the agent's own: a loader that finds a copy of
 * the agent of its own (an application that bundled the jar) is refused too, since that copy's metrics would
 * never be exported.
 */
final class AgentVisibility {

    private static final WeakIdentityMap<Boolean> CHECKED = new WeakIdentityMap<>();

    private AgentVisibility() {}

    static boolean seesAgent(ClassLoader loader) {
        if (loader == null) {
            return true; // the boot loader is where the agent's classes are
        }
        Boolean known = CHECKED.get(loader);
        if (known == null) {
            known = resolvesTheAgent(loader);
            CHECKED.put(loader, known);
            if (!known) {
                refused(loader);
            }
        }
        return known;
    }

    private static boolean resolvesTheAgent(ClassLoader loader) {
        try {
            return Class.forName(AdviceFailures.class.getName(), false, loader) == AdviceFailures.class;
        } catch (ClassNotFoundException | LinkageError notVisible) {
            return false;
        }
    }

    private static void refused(ClassLoader loader) {
        String kind = loader.getClass().getName();
        SelfMetrics.countError("hidden_loader");
        AgentLog.warnOnce(
                "visibility:" + kind,
                "classes of class loader " + loader + " (" + kind + ") cannot see the agent's classes"
                        + " (package dev.autoprom, on the boot class path): they are not instrumented and run"
                        + " unchanged. On WildFly/JBoss EAP add -Djboss.modules.system.pkgs=dev.autoprom; on OSGi add"
                        + " -Dorg.osgi.framework.bootdelegation=dev.autoprom.*");
    }
}
