package dev.autoprom.agent;

import dev.autoprom.agent.config.AgentConfig;
import dev.autoprom.api.InstrumentationModule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Checks agent arguments ({@code port=0,host=127.0.0.1}) with the agent's own parser, in the attach command's JVM,
 * before anything is sent to the target: a mistyped key or value is then reported on the user's terminal and the
 * target is left alone, instead of being logged in an application log the user may not be watching.
 */
public final class AgentArguments {

    private AgentArguments() {}

    /**
     * What the agent would report about these arguments, worded for a refusal: the agent's own reports end with
     * what it would do instead ("using the default", "ignored"), which does not apply when nothing is loaded.
     */
    public static List<String> problems(String arguments) {
        if (arguments == null || arguments.trim().isEmpty()) {
            return Collections.emptyList();
        }
        // only the arguments are checked: the target's own system properties and environment are its business
        AgentConfig config = AgentConfig.load(
                arguments, Collections.emptyMap(), Collections.emptyMap(), AgentMain.switchNames(modules()));
        List<String> result = new ArrayList<>();
        for (String problem : config.problems()) {
            result.add(problem.replaceFirst("; (using the default|(it is )?ignored)[^;]*$", ""));
        }
        return result;
    }

    /** The instrumentation modules of this jar, seen from the class path the command runs on. */
    private static List<InstrumentationModule> modules() {
        List<InstrumentationModule> modules = new ArrayList<>();
        for (InstrumentationModule module :
                ServiceLoader.load(InstrumentationModule.class, AgentArguments.class.getClassLoader())) {
            modules.add(module);
        }
        return modules;
    }
}
