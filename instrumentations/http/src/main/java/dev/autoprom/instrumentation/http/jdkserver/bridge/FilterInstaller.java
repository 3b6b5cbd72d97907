package dev.autoprom.instrumentation.http.jdkserver.bridge;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import java.util.List;
import java.util.function.Consumer;

/** Puts a {@link MetricsFilter} first in a new context's filters (once, even if createContext is nested). */
public final class FilterInstaller implements Consumer<Object> {

    @Override
    public void accept(Object value) {
        if (!(value instanceof HttpContext)) {
            return;
        }
        HttpContext context = (HttpContext) value;
        install(context, context.getFilters());
    }

    /** Adds the filter first unless the context already has one. */
    static void install(HttpContext context, List<Filter> filters) {
        for (Filter f : filters) {
            if (f instanceof MetricsFilter) {
                return;
            }
        }
        filters.add(0, new MetricsFilter(context.getPath()));
    }
}
