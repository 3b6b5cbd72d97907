package dev.autoprom.agent;

import static net.bytebuddy.matcher.ElementMatchers.failSafe;

import dev.autoprom.agent.config.AgentConfig;
import dev.autoprom.agent.config.ConfigKeys;
import dev.autoprom.api.AgentLog;
import dev.autoprom.api.CandidateFilter;
import dev.autoprom.api.CandidateTypes;
import dev.autoprom.api.InstrumentationModule;
import java.io.File;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.dynamic.ClassFileLocator;

/**
 * Collects the enabled instrumentations into one {@link ClassTransformer} and registers it. Advice is inlined
 * (no class-format changes), so the same agent works when attached to a running JVM, with retransformation.
 */
final class Installer {

    private Installer() {}

    static InstallReport install(
            Instrumentation inst,
            AgentConfig config,
            List<InstrumentationModule> modules,
            File agentJar,
            boolean attachedLate)
            throws IOException {
        InstallReport report = new InstallReport();
        List<ModuleTransformation> enabled = new ArrayList<>();
        List<String> enabledNames = new ArrayList<>();
        List<CandidateTypes> candidates = new ArrayList<>();
        for (InstrumentationModule module : modules) {
            boolean on = config.instrumentationEnabled(module.family(), module.name(), module.enabledByDefault());
            InstallReport.Entry entry = report.add(module.family(), module.name(), on);
            if (!on) {
                AgentLog.debug("instrumentation " + module.name() + " disabled by configuration");
                continue;
            }
            // failSafe: a hierarchy naming a type this loader cannot resolve (spring-web's filters without the
            // servlet API) means the library is absent there: no match, not an error
            CandidateTypes moduleCandidates = module.targets().candidates();
            ModuleTransformation transformation = new ModuleTransformation(
                    entry,
                    module.classLoaderMatcher(),
                    failSafe(module.targets().typeMatcher()),
                    moduleCandidates,
                    config.faultInjection());
            module.adviseMethods(transformation);
            entry.needs(transformation.needs(), transformation.checksHooks(), transformation::checkPendingHooks);
            enabled.add(transformation);
            enabledNames.add(module.family() + '/' + module.name());
            candidates.add(moduleCandidates);
        }
        report.registerHooksMissedGauge();
        if (!enabled.isEmpty()) {
            RewrittenClassCache cache = openCache(config, agentJar, enabledNames);
            report.classCache = cache;
            ClassTransformer transformer = new ClassTransformer(
                    enabled, CandidateFilter.of(candidates), ClassFileLocator.ForJarFile.of(agentJar), inst, cache);
            inst.addTransformer(transformer, true);
            if (attachedLate) {
                transformer.retransformLoadedClasses();
            } else {
                transformer.retransformNamedAlreadyLoaded(namedClasses(candidates));
            }
        }
        AgentLog.debug(enabled.size() + " of " + modules.size() + " instrumentations installed"
                + (attachedLate ? " (attached to a running JVM: loaded classes retransformed)" : ""));
        return report;
    }

    /**
     * The class cache of {@code autoprom.class.cache.dir}, or null. Its fingerprint covers the settings that
     * change what is rewritten: the instrumentation switches, fault injection and the methods file's content.
     */
    private static RewrittenClassCache openCache(AgentConfig config, File agentJar, List<String> enabledNames) {
        if (config.classCacheDir().isEmpty()) {
            return null;
        }
        StringBuilder settings = new StringBuilder();
        for (Map.Entry<String, Map<String, String>> e : config.effective().entrySet()) {
            String key = e.getKey();
            if (key.startsWith(ConfigKeys.PREFIX + "instrumentation.")
                    || key.equals(ConfigKeys.TEST_FAULT_INJECTION)
                    || key.equals(ConfigKeys.METHODS_FILE)) {
                settings.append(key)
                        .append('=')
                        .append(e.getValue().get("value"))
                        .append('\n');
            }
        }
        byte[] methodsFile = null;
        if (!config.methodsFile().isEmpty()) {
            try {
                methodsFile = Files.readAllBytes(Paths.get(config.methodsFile()));
            } catch (IOException | RuntimeException unreadable) {
                // the methods family reports an unreadable file itself; the path alone is in the fingerprint
            }
        }
        String fingerprint = RewrittenClassCache.fingerprint(
                AgentInfo.version(), agentJar.toPath(), enabledNames, settings.toString(), methodsFile);
        RewrittenClassCache cache = RewrittenClassCache.open(config.classCacheDir(), fingerprint);
        if (cache != null) {
            AgentLog.debug("class cache in " + cache.folder());
        }
        return cache;
    }

    /** The binary names of every class the enabled modules name. */
    private static Set<String> namedClasses(List<CandidateTypes> candidates) {
        Set<String> names = new HashSet<>();
        for (CandidateTypes c : candidates) {
            for (String internalName : c.internalNames()) {
                names.add(internalName.replace('/', '.'));
            }
        }
        return names;
    }
}
