package dev.autoprom.agent;

import dev.autoprom.agent.config.AgentConfig;
import dev.autoprom.agent.config.ConfigKeys;
import dev.autoprom.api.AgentLog;
import dev.autoprom.api.AgentMetrics;
import dev.autoprom.api.InstrumentationModule;
import dev.autoprom.api.SelfMetrics;
import dev.autoprom.api.TokenPrices;
import dev.autoprom.instrumentation.methods.config.ConfiguredMethods;
import io.prometheus.metrics.model.snapshots.Labels;
import java.io.File;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The real entry point, called through the bootstrap loader by the trampoline. Order matters: configuration,
 * then metrics settings (recorders read them in their static initialisers), then the installer, then the
 * exporter. Never throws unless {@code autoprom.fail.fast=true} asks it to refuse to start. Each outcome is
 * published as {@link AgentStatus} (a system property), which the attach command reads from outside.
 */
public final class AgentMain {

    private static volatile boolean started;

    private AgentMain() {}

    /**
     * @param appendedAtRunTime whether the trampoline had to append the jar to the boot class path (it was not
     *     there from start-up), which stops the application's class-data sharing
     */
    public static synchronized void start(
            String agentArgs, Instrumentation inst, File agentJar, boolean attachedLate, boolean appendedAtRunTime) {
        if (started) {
            AgentLog.warn("agent already running; the second -javaagent/attach is ignored");
            return;
        }
        long startNanos = System.nanoTime();
        AgentConfig config;
        List<InstrumentationModule> modules;
        try {
            modules = discoverModules();
            config = AgentConfig.load(agentArgs, systemProperties(), System.getenv(), switchNames(modules));
        } catch (Throwable t) {
            AgentLog.error("cannot read the configuration, agent not started", t);
            AgentStatus.publish(AgentStatus.NOT_STARTED);
            return;
        }
        AgentLog.setLevel(AgentLog.Level.valueOf(config.logLevel().toUpperCase(java.util.Locale.ROOT)));
        for (String problem : config.problems()) {
            AgentLog.error(problem);
        }
        if (!attachedLate) {
            // a running JVM's archive has done its work by the time an agent attaches
            ClassDataSharingCheck.report(agentJar, appendedAtRunTime);
        }
        if (config.failFast() && !config.problems().isEmpty()) {
            AgentStatus.publish(AgentStatus.NOT_STARTED);
            throw new IllegalStateException("autoprom.fail.fast=true and the configuration has "
                    + config.problems().size() + " problem(s), first: "
                    + config.problems().get(0));
        }
        if (!config.enabled()) {
            AgentLog.debug("autoprom.enabled=false: no port opened, no class transformed");
            AgentStatus.publish(AgentStatus.DISABLED);
            return;
        }
        started = true;
        AgentStatus.publish(AgentStatus.STARTING);
        long configNanos = System.nanoTime();
        try {
            AgentMetrics.configure(config.cardinalityLimit(), config.nativeHistograms(), constLabels(config));
            installPrices(config.tokenPrices());
            // before the installer: the methods family's targets name the file's classes
            ConfiguredMethods.install(config.methodsFile());
            SelfMetrics.init();
            AgentInfo.register(AgentMetrics.registry());
        } catch (Throwable t) {
            failed(config, "cannot register the agent's metrics", t);
        }
        long metricsNanos = System.nanoTime();
        InstallReport report;
        try {
            report = Installer.install(inst, config, modules, agentJar, attachedLate);
        } catch (Throwable t) {
            failed(config, "cannot install the instrumentations, no class is instrumented", t);
            report = InstallReport.EMPTY;
        }
        StatusPage status = new StatusPage(config, report);
        Runnable rest = () -> startJvmMetricsAndExporter(config, status, startNanos);
        if (config.failFast()) {
            rest.run(); // a refusal to start must happen before main
        } else {
            // off the application's start-up path: the instrumentation is in place, the port follows shortly
            Thread starter = new Thread(rest, "autoprom-start");
            starter.setDaemon(true);
            starter.start();
        }
        long end = System.nanoTime();
        AgentLog.debug("premain done in " + millis(startNanos, end) + " ms (configuration "
                + millis(startNanos, configNanos) + ", metrics " + millis(configNanos, metricsNanos) + ", installer "
                + millis(metricsNanos, end) + ")");
    }

    private static void startJvmMetricsAndExporter(AgentConfig config, StatusPage status, long startNanos) {
        try {
            if (config.jvmEnabled()) {
                JvmMetricsRegistration.registerAtFirstScrape(AgentMetrics.registry(), AgentMetrics.constLabels());
            }
        } catch (Throwable t) {
            failed(config, "cannot register the JVM metrics", t);
        }
        try {
            int port = ExporterLauncher.start(config, status);
            AgentStatus.publish(AgentStatus.SERVING, port, isEmpty(config.keystorePath()) ? "http" : "https");
        } catch (Throwable t) {
            // ExporterLauncher has logged the cause with the setting to change
            AgentStatus.publishFailure(
                    AgentStatus.EXPORTER_FAILED, config.host() + ":" + config.port() + " (" + t + ")");
            if (config.failFast()) {
                throw new IllegalStateException("autoprom.fail.fast=true and the exporter did not start: " + t, t);
            }
        }
        AgentLog.debug("started in " + (System.nanoTime() - startNanos) / 1_000_000 + " ms");
    }

    /** Before the installer: the genai recorder reads the table from its first operation on. */
    private static void installPrices(TokenPrices prices) {
        TokenPrices.install(prices);
        if (!prices.file().isEmpty()) {
            AgentLog.info("genai prices: " + prices.entries().size() + " model(s) from " + prices.file()
                    + (prices.skippedLines().isEmpty()
                            ? ""
                            : ", " + prices.skippedLines().size() + " line(s) skipped")
                    + "; the table in use is listed on /autoprom");
        }
    }

    private static boolean isEmpty(String value) {
        return value == null || value.isEmpty();
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }

    private static void failed(AgentConfig config, String what, Throwable t) {
        AgentLog.error(what, t);
        SelfMetrics.recordError("agent", t);
        if (config.failFast()) {
            throw new IllegalStateException("autoprom.fail.fast=true: " + what, t);
        }
    }

    static List<InstrumentationModule> discoverModules() {
        List<InstrumentationModule> modules = new ArrayList<>();
        // the agent's classes are on the bootstrap path, so that is where the service files are found
        for (InstrumentationModule module : ServiceLoader.load(InstrumentationModule.class, null)) {
            modules.add(module);
        }
        return modules;
    }

    /** The families and libraries that have an {@code autoprom.instrumentation.<name>.enabled} switch. */
    static Set<String> switchNames(List<InstrumentationModule> modules) {
        Set<String> names = new LinkedHashSet<>(List.of("http", "jdbc", "websocket", "genai"));
        for (InstrumentationModule module : modules) {
            names.add(module.family());
            names.add(module.name());
        }
        return names;
    }

    private static Map<String, String> systemProperties() {
        Map<String, String> result = new HashMap<>();
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith(ConfigKeys.PREFIX)) {
                result.put(name, System.getProperty(name));
            }
        }
        return result;
    }

    private static Labels constLabels(AgentConfig config) {
        Map<String, String> labels = config.labels();
        if (labels.isEmpty()) {
            return Labels.EMPTY;
        }
        return Labels.of(new ArrayList<>(labels.keySet()), new ArrayList<>(labels.values()));
    }
}
