package dev.autoprom.instrumentation.http.servlet.bridge;

import dev.autoprom.instrumentation.http.servlet.AsyncCompletion;
import dev.autoprom.instrumentation.http.servlet.ServletApi;
import dev.autoprom.instrumentation.http.servlet.ServletRoutes;
import javax.servlet.DispatcherType;
import javax.servlet.http.HttpServletMapping;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.MappingMatch;

/** {@link ServletApi} for {@code javax.servlet} (3.0+; the route needs 4.0). Keep in step with {@link JakartaServletApi}. */
public final class JavaxServletApi implements ServletApi {

    private volatile boolean hasMappingApi = true;

    @Override
    public boolean isNewHttpRequest(Object request) {
        if (!(request instanceof HttpServletRequest)) {
            return false;
        }
        DispatcherType type = ((HttpServletRequest) request).getDispatcherType();
        return type != DispatcherType.ASYNC && type != DispatcherType.ERROR;
    }

    @Override
    public String method(Object request) {
        return ((HttpServletRequest) request).getMethod();
    }

    @Override
    public boolean https(Object request) {
        return "https".equals(((HttpServletRequest) request).getScheme());
    }

    @Override
    public int status(Object response) {
        return response instanceof HttpServletResponse ? ((HttpServletResponse) response).getStatus() : 0;
    }

    @Override
    public boolean committed(Object response) {
        return response instanceof HttpServletResponse && ((HttpServletResponse) response).isCommitted();
    }

    @Override
    public String route(Object request, String frameworkRoute) {
        HttpServletRequest http = (HttpServletRequest) request;
        String template = frameworkRoute != null
                ? frameworkRoute
                : ServletRoutes.springTemplate(http.getAttribute(ServletRoutes.SPRING_PATTERN));
        HttpServletMapping mapping = mapping(http);
        MappingMatch match = mapping == null ? null : mapping.getMappingMatch();
        return ServletRoutes.route(
                http.getContextPath(),
                template,
                match == null ? null : match.name(),
                mapping == null ? null : mapping.getPattern());
    }

    /** Servlet 3.x has no getHttpServletMapping: then no mapping route (only framework templates). */
    private HttpServletMapping mapping(HttpServletRequest http) {
        if (!hasMappingApi) {
            return null;
        }
        try {
            return http.getHttpServletMapping();
        } catch (LinkageError | UnsupportedOperationException e) {
            hasMappingApi = false;
            return null;
        }
    }

    @Override
    public boolean asyncStarted(Object request) {
        return ((HttpServletRequest) request).isAsyncStarted();
    }

    @Override
    public void recordWhenAsyncCompletes(Object request, Object response, AsyncCompletion completion) {
        HttpServletRequest http = (HttpServletRequest) request;
        http.getAsyncContext().addListener(new JavaxAsyncListener(completion), http, (HttpServletResponse) response);
    }
}
