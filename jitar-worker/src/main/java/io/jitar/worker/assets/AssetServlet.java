package io.jitar.worker.assets;

import io.jitar.assets.AssetServer;
import io.jitar.assets.servlet.AssetResponder;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Serves a standalone worker's assets at {@code /*}; {@code /rpc/*} stays with the RPC resource,
 * whose mapping is more specific.
 */
final class AssetServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient AssetServer server;

    AssetServlet(AssetServer server) {
        this.server = server;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        AssetResponder.serve(server, request, response);
    }
}
