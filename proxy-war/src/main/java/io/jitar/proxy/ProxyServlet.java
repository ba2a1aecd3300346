package io.jitar.proxy;

import io.jitar.proxy.routing.RequestTarget;
import io.jitar.proxy.routing.Route;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.List;

/**
 * The proxy's only endpoint: every path and every method. It checks the request where that
 * costs nothing (path, method, declared body length), answering 4xx itself, and hands the rest to
 * a {@link ProxyExchange} that runs asynchronously, so no container thread waits on the network.
 *
 * <p>Payara adds its own {@code /health/*} servlet to the web application at the root context;
 * that longer mapping wins over {@code /*}, so the proxy's health stays visible (and is never
 * forwarded to the repository). {@code /metrics} and {@code /openapi} stay Payara's likewise.
 */
@WebServlet(name = "jitar-proxy", urlPatterns = "/*", asyncSupported = true, loadOnStartup = 1)
public class ProxyServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ProxyRuntime runtime;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) {
        Route route;
        long declaredLength;
        try {
            RequestTarget target = RequestTarget.parse(pathOf(request), request.getQueryString());
            route = runtime.routes().route(request.getMethod(), target);
            declaredLength = runtime.bodyLimit().declaredLength(values(request, "Content-Length"),
                    values(request, "Transfer-Encoding"));
        } catch (RuntimeException e) {
            ErrorAnswers.write(response, e);
            return;
        }
        new ProxyExchange(runtime, request, response, route, declaredLength).start();
    }

    /** The raw (still percent-encoded) path below the context root. */
    private static String pathOf(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context.isEmpty() || !uri.startsWith(context) ? uri : uri.substring(context.length());
    }

    private static List<String> values(HttpServletRequest request, String header) {
        return Collections.list(request.getHeaders(header));
    }
}
