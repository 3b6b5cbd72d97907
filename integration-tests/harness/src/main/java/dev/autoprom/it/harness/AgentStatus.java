package dev.autoprom.it.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The agent's {@code /autoprom} page, read: what each instrumentation applied, which hooks matched. */
public final class AgentStatus {

    private final Map<String, Object> page;

    private AgentStatus(Map<String, Object> page) {
        this.page = page;
    }

    @SuppressWarnings("unchecked")
    public static AgentStatus port(int port) {
        return new AgentStatus((Map<String, Object>)
                Json.parse(Scrape.get("http://127.0.0.1:" + port + "/autoprom").body()));
    }

    /** The page's entry for one instrumentation ({@code hikaricp}); fails if there is none. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> instrumentation(String name) {
        for (Object entry : (List<Object>) page.get("instrumentations")) {
            Map<String, Object> instrumentation = (Map<String, Object>) entry;
            if (name.equals(instrumentation.get("name"))) {
                return instrumentation;
            }
        }
        throw new AssertionError("no instrumentation " + name + " in /autoprom: " + page);
    }

    /** Its hooks, each with {@code hook}, {@code state}, {@code where} or {@code reason}, {@code matchedClasses}. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> hooks(String name) {
        List<Map<String, Object>> hooks = new ArrayList<>();
        for (Object hook : (List<Object>) instrumentation(name).get("hooks")) {
            hooks.add((Map<String, Object>) hook);
        }
        return hooks;
    }

    @SuppressWarnings("unchecked")
    public List<String> libraries(String name) {
        return (List<String>) (List<?>) instrumentation(name).get("libraries");
    }

    public boolean applied(String name) {
        return Boolean.TRUE.equals(instrumentation(name).get("applied"));
    }
}
