package io.jitar.clustertest;

import static org.assertj.core.api.Assertions.assertThat;

import io.jitar.testing.FreePorts;
import io.jitar.testing.Http;
import io.jitar.testing.PayaraProcess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTTP settings of server-config's boot file are in force on a real service, and its HTTP
 * listener started once: set before boot, they no longer make Grizzly restart a running listener
 * (which under load could leave a service that logged "ready" with nothing listening).
 */
class ServerSettingsIT {

    private static final Path WAR = ClusterScript.ROOT.resolve("examples/showcase/target/showcase.war");
    private static final int MIB = 1024 * 1024;
    private static PayaraProcess service;

    @BeforeAll
    static void start() {
        // The worker's own body limit is raised so that only the listener's 8 MiB limit applies.
        service = PayaraProcess.launch("settings", WAR, FreePorts.next(), port -> Map.of("JITAR_MAX_BODY_SIZE", "64MB"),
                Duration.ofSeconds(180));
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void theListenerStartsOnceAndIsNeverRestarted() {
        assertThat(Http.get(service.url() + "/health/ready").statusCode()).isEqualTo(200);
        Matcher started = Pattern.compile("Network Listener http-listener started in").matcher(service.log());
        int starts = 0;
        while (started.find()) {
            starts++;
        }
        assertThat(starts).as("listener starts in %s", service.log().length()).isEqualTo(1);
    }

    @Test
    void bodiesAboveEightMebibytesAreRefusedByTheListener() {
        HttpResponse<String> below = post(8 * MIB - 4096);
        HttpResponse<String> above = post(8 * MIB + 1);

        assertThat(below.statusCode()).as(below.body()).isEqualTo(400);
        assertThat(below.body()).contains("\"status\":400");
        assertThat(above.statusCode()).isEqualTo(413);
        assertThat(Http.get(service.url() + "/health/ready").statusCode()).isEqualTo(200);
    }

    /** The default would close a keep-alive connection after 250 requests; the boot file allows 1000. */
    @Test
    void aKeepAliveConnectionServesMoreThanTwoHundredFiftyRequests() throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), service.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int request = 1; request <= 300; request++) {
                out.write("GET /rpc/crunch/primes?limit=10 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String head = readHead(in);
                assertThat(head).as("answer %d", request).startsWith("HTTP/1.1 200");
                assertThat(head.toLowerCase(Locale.ROOT)).as("answer %d", request).doesNotContain("connection: close");
                readBody(in, head);
            }
        }
    }

    private static HttpResponse<String> post(int size) {
        // A JSON object of the given size whose only parameter is unknown: the worker answers 400.
        String padding = "x".repeat(size - "{\"unknown\":\"\"}".length());
        return Http.send(Http.request(service.url() + "/rpc/crunch/primes").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"unknown\":\"" + padding + "\"}")).build());
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after " + head.size() + " bytes: " + head);
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static void readBody(InputStream in, String head) throws IOException {
        Matcher length = Pattern.compile("(?im)^content-length:\\s*(\\d+)").matcher(head);
        if (length.find()) {
            in.readNBytes(Integer.parseInt(length.group(1)));
            return;
        }
        // chunked: size lines in hex, each chunk followed by CRLF, a last chunk of 0 and a CRLF
        while (true) {
            String line = readLine(in);
            int size = Integer.parseInt(line.split(";")[0].trim(), 16);
            if (size == 0) {
                readLine(in);
                return;
            }
            in.readNBytes(size);
            readLine(in);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed in a chunked body");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }
}
