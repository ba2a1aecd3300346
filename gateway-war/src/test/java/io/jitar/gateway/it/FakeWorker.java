package io.jitar.gateway.it;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A worker inside the test JVM, on a loopback port: {@code /health/ready} answers 200, and every
 * {@code /rpc/...} request is answered as its {@link Behaviour} says. It remembers the last RPC
 * request, so tests can see exactly what the gateway forwarded.
 */
final class FakeWorker implements AutoCloseable {

    /** How the worker treats every RPC request. */
    enum Behaviour {
        /** 200 with the worker's name as text, so round robin is visible. */
        NAME,
        /** 202 with the request body back, plus end-to-end and hop-by-hop response headers. */
        ECHO,
        /** Reads the request, then closes the connection without answering. */
        CRASH,
        /** Answers only when the worker is closed. */
        STALL
    }

    /** An RPC request as received. */
    record Received(String method, String rawPath, String rawQuery, Headers headers, byte[] body) {
    }

    private final String name;
    private final Behaviour behaviour;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicInteger requests = new AtomicInteger();
    private volatile Received last;

    private FakeWorker(String name, Behaviour behaviour, int port) throws IOException {
        this.name = name;
        this.behaviour = behaviour;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/rpc/", this::rpc);
        server.createContext("/health/ready", this::ready);
        server.setExecutor(threads);
        server.start();
    }

    /** A worker on a free port. */
    static FakeWorker start(String name, Behaviour behaviour) {
        return start(name, behaviour, 0);
    }

    /** A worker on {@code port}, e.g. where a dead worker was registered. */
    static FakeWorker start(String name, Behaviour behaviour, int port) {
        try {
            return new FakeWorker(name, behaviour, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    int requests() {
        return requests.get();
    }

    Received last() {
        return last;
    }

    private void rpc(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        byte[] body = exchange.getRequestBody().readAllBytes();
        last = new Received(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(),
                exchange.getRequestHeaders(), body);
        requests.incrementAndGet();
        switch (behaviour) {
            case CRASH -> exchange.close();
            case ECHO -> echo(exchange, body);
            case STALL -> {
                awaitClose();
                answer(exchange, 200, name.getBytes(StandardCharsets.UTF_8));
            }
            default -> answer(exchange, 200, name.getBytes(StandardCharsets.UTF_8));
        }
    }

    private void echo(HttpExchange exchange, byte[] body) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.add("Content-Type", "application/octet-stream");
        headers.add("X-Worker", name);
        headers.add("Keep-Alive", "timeout=9");
        headers.add("Proxy-Authenticate", "Basic realm=\"worker\"");
        exchange.sendResponseHeaders(202, body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/plain;charset=UTF-8");
        exchange.getResponseHeaders().add("X-Jitar-Content-Type", "text/plain");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private void ready(HttpExchange exchange) throws IOException {
        byte[] body = "{\"status\":\"UP\",\"checks\":[]}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private void awaitClose() {
        try {
            closed.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
