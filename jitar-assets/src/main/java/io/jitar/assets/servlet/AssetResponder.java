package io.jitar.assets.servlet;

import io.jitar.assets.AssetAnswer;
import io.jitar.assets.AssetServer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Answers a servlet request from an {@link AssetServer}: hands it the method, the raw path and the
 * headers, and copies its answer (status, headers, file) to the response. Stateless.
 */
public final class AssetResponder {

    private AssetResponder() {
    }

    public static void serve(AssetServer server, HttpServletRequest request, HttpServletResponse response) throws IOException {
        send(server.serve(request.getMethod(), rawPath(request), headers(request)), response);
    }

    /** The path below the context root exactly as sent: still percent-encoded, not normalized. */
    public static String rawPath(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    public static Map<String, String> headers(HttpServletRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, String.join(", ", Collections.list(request.getHeaders(name))));
        }
        return headers;
    }

    public static void send(AssetAnswer answer, HttpServletResponse response) throws IOException {
        response.setStatus(answer.status());
        answer.headers().forEach(response::setHeader);
        if (answer.hasBody()) {
            OutputStream out = response.getOutputStream();
            answer.writeBody(out);
            out.flush();
        }
    }
}
