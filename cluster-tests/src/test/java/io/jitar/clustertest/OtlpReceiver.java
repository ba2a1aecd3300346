package io.jitar.clustertest;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for an OpenTelemetry collector on 127.0.0.1: it accepts OTLP over HTTP
 * ({@code POST /v1/traces}, protobuf) and keeps the bodies. The test does not decode protobuf: a
 * span's strings (names, attribute keys and values) are in the bytes as they are, and its trace id
 * as its 16 raw bytes, which is enough to find the span a call made.
 */
final class OtlpReceiver implements AutoCloseable {

    private final HttpServer server;
    private final List<byte[]> exports = new CopyOnWriteArrayList<>();

    OtlpReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                if ("POST".equals(exchange.getRequestMethod()) && exchange.getRequestURI().getPath().equals("/v1/traces")) {
                    exports.add(body.readAllBytes());
                }
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Whether one export holds the trace {@code traceId} (hex) together with every one of {@code texts}. */
    boolean hasSpan(String traceId, String... texts) {
        byte[] id = HexFormat.of().parseHex(traceId);
        return exports.stream().anyMatch(body -> indexOf(body, id) >= 0
                && List.of(texts).stream().allMatch(text -> indexOf(body, text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) >= 0));
    }

    int exports() {
        return exports.size();
    }

    private static int indexOf(byte[] data, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= data.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (data[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
