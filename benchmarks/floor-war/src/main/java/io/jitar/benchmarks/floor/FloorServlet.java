package io.jitar.benchmarks.floor;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /servlet/sayHello?name=x} answering {@code Hello x}, as {@link FloorApplication} does,
 * from a bare servlet: the difference between the two is what JAX-RS (Jersey) costs per request,
 * which bounds what a worker's {@code /rpc} as a plain servlet could save (issue 14).
 */
@WebServlet(urlPatterns = "/servlet/*")
public class FloorServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = ("Hello " + request.getParameter("name")).getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/plain");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
