package dev.autoprom.instrumentation.http.jdkserver.bridge;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Puts a {@link MetricsFilter} first in a context that is already serving: one created before the agent was
 * attached to the running JVM. Unlike a new context, other exchanges of this one may be walking its filter list
 * at this moment, so the list is changed only when that is safe for them: the JDK's copy-on-write list (JDK 17
 * and 25 use one), whose walkers keep the array they started with. A JDK whose list is not thread-safe keeps such
 * a context unrecorded rather than risk a {@code ConcurrentModificationException} in the application's requests.
 */
public final class ExistingContextFilter implements Consumer<Object> {

    @Override
    public void accept(Object value) {
        if (!(value instanceof HttpContext)) {
            return;
        }
        HttpContext context = (HttpContext) value;
        List<Filter> filters = context.getFilters();
        if (!filters.isEmpty() && filters.get(0) instanceof MetricsFilter) {
            return; // every exchange after the first: the filter is where it was put
        }
        if (!(filters instanceof CopyOnWriteArrayList)) {
            return;
        }
        // two first exchanges of one context at once must not both add one
        synchronized (filters) {
            FilterInstaller.install(context, filters);
        }
    }
}
