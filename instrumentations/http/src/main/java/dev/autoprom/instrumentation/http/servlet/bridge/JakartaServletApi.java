package dev.autoprom.instrumentation.http.servlet.bridge;

import dev.autoprom.instrumentation.http.servlet.AsyncCompletion;
import dev.autoprom.instrumentation.http.servlet.ServletApi;
import dev.autoprom.instrumentation.http.servlet.ServletRoutes;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.MappingMatch;

/** {@link ServletApi} for {@code jakarta.servlet} (5.0+). Keep in step with {@link JavaxServletApi}. */
public final class JakartaServletApi implements ServletApi {

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
        HttpServletMapping mapping = http.getHttpServletMapping();
        MappingMatch match = mapping == null ? null : mapping.getMappingMatch();
        return ServletRoutes.route(
                http.getContextPath(),
                template,
                match == null ? null : match.name(),
                mapping == null ? null : mapping.getPattern());
    }

    @Override
    public boolean asyncStarted(Object request) {
        return ((HttpServletRequest) request).isAsyncStarted();
    }

    @Override
    public void recordWhenAsyncCompletes(Object request, Object response, AsyncCompletion completion) {
        HttpServletRequest http = (HttpServletRequest) request;
        http.getAsyncContext().addListener(new JakartaAsyncListener(completion), http, (HttpServletResponse) response);
    }
}
