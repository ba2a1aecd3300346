package io.jitar.worker.remote;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A worker (or gateway) on a free loopback port for RemoteSender's tests: it answers its name, or
 * reads each request and drops the connection without answering (a crash after the call arrived).
 */
final class TestCallee implements AutoCloseable {

    private final String name;
    private final HttpServer server;
    private final ServerSocket crasher;
    final AtomicInteger calls = new AtomicInteger();
    final List<Map<String, List<String>>> headers = new CopyOnWriteArrayList<>();
    final List<String> bodies = new CopyOnWriteArrayList<>();

    private TestCallee(String name, HttpServer server, ServerSocket crasher) {
        this.name = name;
        this.server = server;
        this.crasher = crasher;
    }

    static TestCallee answering(String name) {
        return answering(name, false);
    }

    /** @param idempotent whether its answers say {@code X-Jitar-Idempotent: true}, as a gateway's do for such procedures */
    static TestCallee answering(String name, boolean idempotent) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            TestCallee callee = new TestCallee(name, server, null);
            server.createContext("/", exchange -> {
                callee.calls.incrementAndGet();
                callee.headers.add(Map.copyOf(exchange.getRequestHeaders()));
                callee.bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                byte[] answer = (name + " " + exchange.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("X-Jitar-Content-Type", "text/plain");
                if (idempotent) {
                    exchange.getResponseHeaders().add("X-Jitar-Idempotent", "true");
                }
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
            return callee;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TestCallee crashing(String name) {
        try {
            ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            TestCallee callee = new TestCallee(name, null, socket);
            Thread acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket connection = socket.accept()) {
                        InputStream in = connection.getInputStream();
                        byte[] buffer = new byte[8192];
                        if (in.read(buffer) > 0) {
                            callee.calls.incrementAndGet();
                        }
                    } catch (IOException e) {
                        // closed: the test is over
                    }
                }
            }, "crashing-" + name);
            acceptor.setDaemon(true);
            acceptor.start();
            return callee;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A URL nothing listens on: connections are refused. */
    static URI refusing() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI url() {
        int port = server != null ? server.getAddress().getPort() : crasher.getLocalPort();
        return URI.create("http://127.0.0.1:" + port);
    }

    String name() {
        return name;
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
        if (crasher != null) {
            try {
                crasher.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }
}
