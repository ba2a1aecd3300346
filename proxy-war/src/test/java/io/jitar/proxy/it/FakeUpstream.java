package io.jitar.proxy.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An upstream inside the test JVM on 127.0.0.1 and a free port: it records every request it gets
 * (keyed by the {@code X-Test-Id} header) and answers with its name, the received body, a few
 * headers to pass back (and hop-by-hop ones that must not come back), and the status asked for in
 * {@code X-Test-Status}. Special paths:
 * <ul>
 *   <li>{@code /slow...}: answers only after {@link #release()} (or 30 s): for the 504;</li>
 *   <li>{@code /late...}: answers after 1 s, within the proxy's timeout;</li>
 *   <li>{@code /stream.bin}: 1 MiB, then waits for {@link #releaseStream()}, then 4 MiB more, so a
 *       test can prove the proxy passes bytes on before the upstream has finished;</li>
 *   <li>{@code /big.bin}: 5 MiB with a Content-Length;</li>
 *   <li>{@code /stall.bin}: announces 2 MiB, sends 1 MiB and stalls until {@link #release()};</li>
 *   <li>{@code /broken.bin}: a chunked body that breaks off after 1 MiB (the connection drops);</li>
 *   <li>{@code /drip.bin}: 12 pieces of 64 KiB with a Content-Length, one every 250 ms: longer
 *       than the proxy's timeout in all, never idle that long;</li>
 *   <li>{@code /huge.bin}: 128 MiB with a Content-Length, as fast as the proxy takes them; how far
 *       it got and how it ended is kept as a {@link Transfer} under the {@code X-Test-Id}.</li>
 * </ul>
 */
final class FakeUpstream {

    static final int MIB = 1024 * 1024;
    static final byte[] PIECE = pattern(64 * 1024);

    /** One request as the upstream received it. */
    record Received(String method, String uri, Map<String, List<String>> headers, String body) {

        Optional<String> header(String name) {
            List<String> values = headers.get(name);
            return values == null ? Optional.empty() : Optional.of(String.join(",", values));
        }
    }

    /** How far a {@code /huge.bin} answer got, and whether it was written whole ({@code false}: its write failed). */
    record Transfer(AtomicLong written, CompletableFuture<Boolean> whole) {
    }

    private final String name;
    private final HttpServer server;
    private final Map<String, Received> received = new ConcurrentHashMap<>();
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private final CountDownLatch slow = new CountDownLatch(1);
    private final CountDownLatch stream = new CountDownLatch(1);
    private final AtomicBoolean streamReleasedInTime = new AtomicBoolean();
    private final Map<String, Transfer> transfers = new ConcurrentHashMap<>();
    /** Answers that come later are scheduled, not slept for: no thread waits for their time to come. */
    private final ScheduledExecutorService later = Executors.newScheduledThreadPool(2, task -> {
        Thread thread = new Thread(task, "fake-upstream-later");
        thread.setDaemon(true);
        return thread;
    });

    private FakeUpstream(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "fake-" + name);
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    static FakeUpstream start(String name) {
        return new FakeUpstream(name);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The request that carried {@code X-Test-Id: id}, if it arrived. */
    Optional<Received> received(String id) {
        return Optional.ofNullable(received.get(id));
    }

    /** The raw request URIs of every request that arrived. */
    List<String> paths() {
        return paths;
    }

    /** The {@code /huge.bin} answer to the request with {@code X-Test-Id: id}, once it began. */
    Optional<Transfer> transfer(String id) {
        return Optional.ofNullable(transfers.get(id));
    }

    void release() {
        slow.countDown();
    }

    void releaseStream() {
        stream.countDown();
    }

    /** Whether {@code /stream.bin} went on because it was released, not because its wait ran out. */
    boolean streamReleasedInTime() {
        return streamReleasedInTime.get();
    }

    void stop() {
        release();
        releaseStream();
        later.shutdownNow();
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        if (exchange.getRequestURI().getRawPath().endsWith("/broken.bin")) {
            breakOff(exchange); // not closed: closing would end the chunked body cleanly
        }
        boolean handedOver = false; // a scheduled answer closes the exchange itself
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String uri = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            paths.add(uri);
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((key, values) -> headers.put(key, List.copyOf(values)));
            String id = exchange.getRequestHeaders().getFirst("X-Test-Id");
            if (id != null) {
                received.put(id, new Received(exchange.getRequestMethod(), uri, headers, new String(body, StandardCharsets.ISO_8859_1)));
            }
            String path = exchange.getRequestURI().getRawPath();
            if (path.endsWith("/stream.bin")) {
                stream(exchange);
            } else if (path.endsWith("/big.bin")) {
                big(exchange);
            } else if (path.endsWith("/stall.bin")) {
                stall(exchange);
            } else if (path.endsWith("/drip.bin")) {
                exchange.sendResponseHeaders(200, 12L * PIECE.length);
                drip(exchange, 12);
                handedOver = true;
            } else if (path.endsWith("/huge.bin")) {
                huge(exchange, id);
            } else {
                if (path.contains("/slow")) {
                    await(slow);
                } else if (path.contains("/late")) {
                    later.schedule(() -> closing(exchange, () -> echo(exchange, body)), 1, TimeUnit.SECONDS);
                    handedOver = true;
                    return;
                }
                echo(exchange, body);
            }
        } finally {
            if (!handedOver) {
                exchange.close();
            }
        }
    }

    private interface Answer {
        void write() throws IOException;
    }

    /** Writes {@code answer}, then closes the exchange; a client gone meanwhile is not the fake's problem. */
    private static void closing(HttpExchange exchange, Answer answer) {
        try (exchange) {
            answer.write();
        } catch (IOException e) {
            // the proxy went away
        }
    }

    private void echo(HttpExchange exchange, byte[] body) throws IOException {
        String status = exchange.getRequestHeaders().getFirst("X-Test-Status");
        byte[] answer = (name + ":" + new String(body, StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1);
        exchange.getResponseHeaders().add("Content-Type", "text/plain");
        exchange.getResponseHeaders().add("X-Upstream", name);
        exchange.getResponseHeaders().add("Set-Cookie", "a=1");
        exchange.getResponseHeaders().add("Set-Cookie", "b=2");
        exchange.getResponseHeaders().add("Keep-Alive", "timeout=5");
        exchange.getResponseHeaders().add("Proxy-Authenticate", "Basic");
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status == null ? 200 : Integer.parseInt(status), head ? -1 : answer.length);
        if (!head) {
            exchange.getResponseBody().write(answer);
        }
    }

    private void big(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
        exchange.sendResponseHeaders(200, 5L * MIB);
        write(exchange.getResponseBody(), 5 * MIB);
    }

    /** Throwing from a handler makes the server drop the connection without ending the chunked body. */
    private void breakOff(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(200, 0);
        write(exchange.getResponseBody(), MIB);
        exchange.getResponseBody().flush();
        throw new IOException("the upstream breaks off its answer");
    }

    private void stall(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(200, 2L * MIB);
        write(exchange.getResponseBody(), MIB);
        exchange.getResponseBody().flush();
        await(slow);
    }

    private void stream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
        exchange.sendResponseHeaders(200, 0); // chunked: the length is not told
        OutputStream out = exchange.getResponseBody();
        write(out, MIB);
        out.flush();
        streamReleasedInTime.set(await(stream));
        write(out, 4 * MIB);
    }

    /** One piece every 250 ms, {@code left} pieces to go: an answer that is slow but keeps coming. */
    private void drip(HttpExchange exchange, int left) {
        later.schedule(() -> {
            try {
                exchange.getResponseBody().write(PIECE);
                exchange.getResponseBody().flush();
                if (left > 1) {
                    drip(exchange, left - 1);
                } else {
                    exchange.close();
                }
            } catch (IOException e) {
                exchange.close();
            }
        }, 250, TimeUnit.MILLISECONDS);
    }

    private void huge(HttpExchange exchange, String id) throws IOException {
        Transfer transfer = new Transfer(new AtomicLong(), new CompletableFuture<>());
        transfers.put(id == null ? "" : id, transfer);
        try {
            exchange.sendResponseHeaders(200, 128L * MIB);
            OutputStream out = exchange.getResponseBody();
            for (int written = 0; written < 128 * MIB; written += PIECE.length) {
                out.write(PIECE);
                transfer.written().addAndGet(PIECE.length);
            }
            out.flush();
            transfer.whole().complete(true);
        } catch (IOException e) {
            transfer.whole().complete(false);
            throw e;
        }
    }

    private static void write(OutputStream out, int bytes) throws IOException {
        for (int written = 0; written < bytes; written += PIECE.length) {
            out.write(PIECE, 0, Math.min(PIECE.length, bytes - written));
        }
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static byte[] pattern(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 31 + 7);
        }
        return bytes;
    }
}
