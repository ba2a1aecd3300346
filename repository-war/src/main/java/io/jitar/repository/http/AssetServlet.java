package io.jitar.repository.http;

import io.jitar.assets.AssetAnswer;
import io.jitar.assets.servlet.AssetResponder;
import io.jitar.repository.RepositoryService;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every request to the repository: hands method, raw path and headers to the core
 * {@link io.jitar.assets.AssetServer} and sends its answer. Mapped to {@code /*}, which
 * outranks the container's own servlets (default and JSP), so nothing in the WAR is served but
 * through the whitelist. A plain servlet rather than JAX-RS: it sees the raw request path, and the
 * file is copied straight to the response.
 * <p>
 * It also renders the container's error pages (web.xml points every error here) as short JSON,
 * so no error of this application is ever an HTML page.
 */
@WebServlet(name = "assets", urlPatterns = "/*", loadOnStartup = 1)
public class AssetServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOGGER = Logger.getLogger(AssetServlet.class.getName());

    @Inject
    private transient RepositoryService repository;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            send(ErrorAnswers.forStatus(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE)), response);
            return;
        }
        AssetAnswer answer = repository.assetServer().serve(request.getMethod(), AssetResponder.rawPath(request),
                AssetResponder.headers(request));
        try {
            send(answer, response);
        } catch (IOException e) {
            if (response.isCommitted()) {
                throw e; // the client went away or the file broke mid-way: nothing left to tell anyone
            }
            LOGGER.log(Level.WARNING, "Cannot send " + answer, e);
            response.reset();
            send(ErrorAnswers.forStatus(500), response);
        }
    }

    private static void send(AssetAnswer answer, HttpServletResponse response) throws IOException {
        AssetResponder.send(answer, response);
    }
}
