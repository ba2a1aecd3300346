package io.jitar.gateway.cluster;

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
 * A worker on a loopback port that answers every procedure with its own name ({@code test/teapot}
 * with status 418), or misbehaves as its {@link Behaviour} says. Remembers the last request.
 */
final class StubWorker implements AutoCloseable {

    static final String TEAPOT = "test/teapot";

    /** How the stub treats every request. */
    enum Behaviour {
        ANSWER,
        /** Reads the request, then closes the connection without answering. */
        CRASH,
        /** Answers only once {@link #close()} releases it. */
        STALL
    }

    private final String name;
    private final Behaviour behaviour;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger requests = new AtomicInteger();
    private volatile Received last;

    /** What the worker received: method, raw path and query, headers, body. */
    record Received(String method, String rawPath, String rawQuery, Headers headers, String body) {
    }

    private StubWorker(String name, Behaviour behaviour) throws IOException {
        this.name = name;
        this.behaviour = behaviour;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/rpc/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    static StubWorker start(String name, Behaviour behaviour) {
        try {
            return new StubWorker(name, behaviour);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    int requests() {
        return requests.get();
    }

    Received last() {
        return last;
    }

    private void handle(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        last = new Received(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(),
                exchange.getRequestHeaders(), body);
        requests.incrementAndGet();
        String procedure = uri.getRawPath().substring("/rpc/".length());
        if (behaviour == Behaviour.CRASH) {
            exchange.close();
            return;
        }
        if (behaviour == Behaviour.STALL) {
            awaitRelease();
        }
        byte[] answer = name.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("X-Worker", name);
        exchange.sendResponseHeaders(procedure.equals(TEAPOT) ? 418 : 200, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    private void awaitRelease() {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
