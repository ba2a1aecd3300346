package io.jitar.proxy.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.jitar.proxy.it.FakeUpstream.Received;
import io.jitar.testing.Deployments;
import io.jitar.testing.Http;
import io.jitar.testing.Poll;
import io.jitar.testing.RawHttp;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The built proxy.war on Payara Micro, in front of a fake gateway and a fake repository that run
 * in this JVM: routing, what crosses the proxy both ways, streaming, failures of upstreams, and
 * the bad input that must never reach an upstream. The upstream that goes down runs last but one,
 * and the health check last.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProxyIT {

    private static final FakeUpstream GATEWAY = FakeUpstream.start("gateway");
    private static final FakeUpstream REPOSITORY = FakeUpstream.start("repository");
    private static final long MAX_BODY = 1024 * 1024;
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        String config = String.join("\n",
                "jitar.proxy.gateway=" + GATEWAY.url(),
                "jitar.proxy.repository=" + REPOSITORY.url(),
                "jitar.proxy.timeout=2s", "");
        return Deployments.builtWar("proxy")
                .addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties");
    }

    @AfterAll
    static void stopUpstreams() {
        GATEWAY.stop();
        REPOSITORY.stop();
    }

    private String url(String path) {
        return Deployments.url(base, path);
    }

    private int port() {
        return base.getPort();
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    // ---- routing and what crosses the proxy --------------------------------------------------------

    @Test
    void rpcReachesTheGatewayWithMethodQueryBodyAndEndToEndHeadersIntact() {
        String id = newId();
        HttpResponse<String> response = Http.send(Http.request(url("rpc/greetings/sayHello?name=J%C3%B6rg&path=a%2Fb"))
                .header("X-Test-Id", id)
                .header("Content-Type", "application/json")
                .header("X-Jitar-Procedure-Version", "1.2.0")
                .header("Accept", "text/plain")
                .POST(BodyPublishers.ofString("{\"name\":\"Ann\"}")).build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("gateway:{\"name\":\"Ann\"}");
        Received received = GATEWAY.received(id).orElseThrow();
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.uri()).isEqualTo("/rpc/greetings/sayHello?name=J%C3%B6rg&path=a%2Fb");
        assertThat(received.body()).isEqualTo("{\"name\":\"Ann\"}");
        assertThat(received.header("Content-Type")).hasValue("application/json");
        assertThat(received.header("X-Jitar-Procedure-Version")).hasValue("1.2.0");
        assertThat(received.header("Accept")).hasValue("text/plain");
        assertThat(received.header("Content-Length")).hasValue("14");
    }

    @Test
    void everyOtherPathReachesTheRepository() {
        String id = newId();
        HttpResponse<String> response = Http.send(Http.request(url("assets/app.js?v=3")).header("X-Test-Id", id).GET().build());
        HttpResponse<String> root = Http.get(url(""));
        HttpResponse<String> rpcLookAlike = Http.get(url("rpcx/y"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("repository:");
        assertThat(REPOSITORY.received(id).orElseThrow().uri()).isEqualTo("/assets/app.js?v=3");
        assertThat(GATEWAY.received(id)).isEmpty();
        assertThat(root.body()).isEqualTo("repository:");
        assertThat(rpcLookAlike.body()).isEqualTo("repository:");
    }

    @Test
    void hopByHopHeadersAreRemovedAndForwardedHeadersAdded() {
        String id = newId();
        String answer = RawHttp.exchange(port(), "GET /rpc/headers HTTP/1.1\r\nHost: public.example:8443\r\n"
                + "X-Test-Id: " + id + "\r\n"
                + "Connection: close, X-Private\r\nX-Private: secret\r\nKeep-Alive: timeout=5\r\nTE: trailers\r\n"
                + "Proxy-Authorization: Basic eDp5\r\nUpgrade: websocket\r\n"
                + "X-Forwarded-For: 203.0.113.7\r\nX-Forwarded-Host: spoofed.example\r\nX-Forwarded-Proto: https\r\n"
                + "X-Kept: yes\r\n\r\n");

        assertThat(RawHttp.statusLine(answer)).isEqualTo("HTTP/1.1 200 OK");
        Received received = GATEWAY.received(id).orElseThrow();
        assertThat(received.headers()).doesNotContainKeys("X-Private", "Keep-Alive", "TE", "Proxy-Authorization", "Upgrade");
        assertThat(received.header("Connection").orElse("")).doesNotContain("X-Private", "close");
        assertThat(received.header("X-Kept")).hasValue("yes");
        assertThat(received.header("X-Forwarded-For")).hasValue("203.0.113.7, 127.0.0.1");
        assertThat(received.header("X-Forwarded-Host")).hasValue("public.example:8443");
        assertThat(received.header("X-Forwarded-Proto")).hasValue("http");
    }

    @Test
    void headerAsLargeAsPayaraTakesReachesTheUpstream() {
        String id = newId();
        String large = "a".repeat(8000); // Payara refuses 8100 (malformedRequestsAreRefusedBeforeTheUpstream)
        String answer = RawHttp.exchange(port(), "GET /rpc/a/longer/path/for/a/longer/head HTTP/1.1\r\n"
                + "Host: public.example:8443\r\nX-Test-Id: " + id + "\r\nX-Large: " + large + "\r\nConnection: close\r\n\r\n");

        assertThat(RawHttp.statusLine(answer)).isEqualTo("HTTP/1.1 200 OK");
        assertThat(GATEWAY.received(id).orElseThrow().header("X-Large")).hasValue(large);
    }

    @Test
    void trustKeyFromOutsideIsStripped() {
        String id = newId();
        HttpResponse<String> response = Http.send(Http.request(url("rpc/shop/secret"))
                .header("X-Test-Id", id).header("X-Jitar-Trust-Key", "guessed-or-stolen").GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(GATEWAY.received(id).orElseThrow().headers()).doesNotContainKey("X-Jitar-Trust-Key");
    }

    @Test
    void upstreamGetsNoHeaderThatNeitherTheClientNorTheProxyRulesAdd() {
        String id = newId();
        String answer = RawHttp.exchange(port(), "GET /rpc/bare HTTP/1.1\r\nHost: public.example\r\nX-Test-Id: " + id
                + "\r\nConnection: close\r\n\r\n");

        assertThat(RawHttp.statusLine(answer)).isEqualTo("HTTP/1.1 200 OK");
        Received received = GATEWAY.received(id).orElseThrow();
        // Host names the upstream (the client's is in X-Forwarded-Host); no User-Agent or
        // Accept-Encoding of the HTTP client's own (an upstream would gzip for a client that did not ask).
        assertThat(received.header("Host")).hasValue(GATEWAY.url().substring("http://".length()));
        assertThat(received.headers()).doesNotContainKeys("User-Agent", "Accept-Encoding", "Content-Length");
        // with X-Test-Id, X-Forwarded-*, and the traceparent of the trace the proxy starts (none came)
        assertThat(received.headers()).as(received.headers().toString()).hasSize(6);
        assertThat(received.header("Traceparent")).hasValueSatisfying(t -> assertThat(t).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01"));
    }

    @Test
    void aValidTraceparentAndTracestatePassToTheUpstreamUnchanged() {
        String id = newId();
        String trace = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        String answer = RawHttp.exchange(port(), "GET /rpc/bare HTTP/1.1\r\nHost: public.example\r\nX-Test-Id: " + id
                + "\r\ntraceparent: " + trace + "\r\ntracestate: congo=t61rcWkgMzE\r\nConnection: close\r\n\r\n");

        assertThat(RawHttp.statusLine(answer)).isEqualTo("HTTP/1.1 200 OK");
        Received received = GATEWAY.received(id).orElseThrow();
        assertThat(received.header("Traceparent")).hasValue(trace);
        assertThat(received.header("Tracestate")).hasValue("congo=t61rcWkgMzE");
    }

    @Test
    void upstreamStatusHeadersAndBodyComeBackWithoutHopByHopHeaders() {
        HttpResponse<String> response = Http.send(Http.request(url("rpc/orders/create"))
                .header("X-Test-Status", "201").POST(BodyPublishers.ofString("order")).build());

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).isEqualTo("gateway:order");
        assertThat(response.headers().firstValue("X-Upstream")).hasValue("gateway");
        assertThat(response.headers().allValues("Set-Cookie")).containsExactly("a=1", "b=2");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(response.headers().map()).doesNotContainKeys("keep-alive", "proxy-authenticate");
    }

    @Test
    void headAnswersHeadersWithoutBody() {
        HttpResponse<String> response = Http.send(Http.request(url("index.html"))
                .method("HEAD", BodyPublishers.noBody()).build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("X-Upstream")).hasValue("repository");
    }

    // ---- the cluster view, and the registry that is never reached ---------------------------------

    @Test
    void clusterViewReachesTheGatewaysClusterPathAndNothingElse() {
        String get = newId();
        String head = newId();
        HttpResponse<String> view = Http.send(Http.request(url("jitar/cluster?refresh=1")).header("X-Test-Id", get)
                .header("X-Jitar-Trust-Key", "from-outside").GET().build());
        HttpResponse<String> headers = Http.send(Http.request(url("jitar/cluster")).header("X-Test-Id", head)
                .method("HEAD", BodyPublishers.noBody()).build());

        assertThat(view.statusCode()).isEqualTo(200);
        assertThat(view.body()).isEqualTo("gateway:");
        Received received = GATEWAY.received(get).orElseThrow();
        assertThat(received.method()).isEqualTo("GET");
        assertThat(received.uri()).isEqualTo("/cluster");
        assertThat(received.headers()).doesNotContainKey("X-Jitar-Trust-Key");
        assertThat(headers.statusCode()).isEqualTo(200);
        assertThat(headers.body()).isEmpty();
        assertThat(GATEWAY.received(head).orElseThrow().method()).isEqualTo("HEAD");
        assertThat(REPOSITORY.received(get)).isEmpty();
    }

    @Test
    void clusterViewIsReadOnlyThroughTheProxy() {
        String id = newId();
        HttpResponse<String> post = Http.send(Http.request(url("jitar/cluster")).header("X-Test-Id", id)
                .POST(BodyPublishers.ofString("{}")).build());

        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
        assertThat(post.body()).isEqualTo("{\"message\":\"Method POST is not allowed here; allowed: GET, HEAD\",\"status\":405}");
        assertThat(GATEWAY.received(id)).isEmpty();
    }

    @Test
    void registryChangesThroughTheProxyNeverReachTheGateway() {
        List<String> ids = new ArrayList<>();
        for (String path : List.of("workers", "workers/some-id", "workers/some-id/report", "jitar/workers",
                "jitar/workers/some-id", "jitar/workers/some-id/report")) {
            for (String method : List.of("POST", "DELETE", "PUT")) {
                String id = newId();
                ids.add(id);
                HttpResponse<String> response = Http.send(Http.request(url(path)).header("X-Test-Id", id)
                        .header("X-Jitar-Trust-Key", "stolen").header("Content-Type", "application/json")
                        .method(method, "DELETE".equals(method) ? BodyPublishers.noBody()
                                : BodyPublishers.ofString("{\"url\":\"http://127.0.0.1:9/\",\"procedureNames\":[\"a/b\"]}"))
                        .build());

                int expected = path.startsWith("jitar/") ? 404 : 405;
                assertThat(response.statusCode()).as(method + " /" + path).isEqualTo(expected);
                assertThat(response.headers().firstValue("Content-Type")).as(method + " /" + path).hasValue("application/json");
                assertThat(response.body()).as(method + " /" + path).endsWith("\"status\":" + expected + "}");
            }
        }
        String deleteWithBody = newId();
        ids.add(deleteWithBody);
        HttpResponse<String> withBody = Http.send(Http.request(url("workers/some-id")).header("X-Test-Id", deleteWithBody)
                .method("DELETE", BodyPublishers.ofString("{}")).build());
        HttpResponse<String> list = Http.get(url("jitar/workers"));

        // Payara (Grizzly) refuses a DELETE with a body itself, with an empty 400, before the proxy's code runs.
        assertThat(withBody.statusCode()).as(withBody.body()).isEqualTo(400);
        assertThat(withBody.body()).isEmpty();

        assertThat(list.statusCode()).isEqualTo(404);
        assertThat(list.body()).isEqualTo("{\"message\":\"Not found\",\"status\":404}");
        assertThat(ids).allSatisfy(id -> {
            assertThat(GATEWAY.received(id)).isEmpty();
            assertThat(REPOSITORY.received(id)).isEmpty();
        });
        assertThat(GATEWAY.paths()).noneMatch(p -> p.contains("workers") || p.startsWith("/jitar"));
    }

    @Test
    void otherPathsUnderJitarAndTricksAnswerWithoutAnUpstream() {
        for (String path : List.of("/jitar", "/jitar/", "/jitar/health", "/jitar/%63luster", "/jitar/cluster/",
                "/jitar/cluster;x=1", "/%6Aitar/workers", "/jitar/rpc/x")) {
            String answer = get(path);

            assertThat(RawHttp.statusLine(answer)).as(path).isEqualTo("HTTP/1.1 404 Not Found");
            assertThat(RawHttp.body(answer)).as(path).isEqualTo("{\"message\":\"Not found\",\"status\":404}");
        }
        for (String path : List.of("/jitar/../workers", "/jitar/cluster/../../workers", "/jitar/%2e%2e/workers",
                "/jitar%2Fcluster", "/rpc/../workers")) {
            String answer = get(path);

            assertThat(RawHttp.statusLine(answer)).as(path).isEqualTo("HTTP/1.1 400 Bad Request");
            assertThat(RawHttp.body(answer)).as(path).startsWith("{\"message\":\"Malformed URL: ");
        }
        assertThat(GATEWAY.paths()).noneMatch(p -> p.contains("workers") || p.startsWith("/jitar"));
        assertThat(REPOSITORY.paths()).noneMatch(p -> p.startsWith("/jitar") || p.startsWith("/%6A"));
    }

    // ---- streaming ----------------------------------------------------------------------------------

    @Test
    void largeBodyWithLengthComesBackWhole() {
        HttpResponse<byte[]> response = send(url("downloads/big.bin"), BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Length")).hasValue(String.valueOf(5 * FakeUpstream.MIB));
        assertThat(response.body()).hasSize(5 * FakeUpstream.MIB);
        assertThat(Arrays.copyOfRange(response.body(), 0, FakeUpstream.PIECE.length)).isEqualTo(FakeUpstream.PIECE);
    }

    @Test
    void bodyStreamsThroughBeforeTheUpstreamHasFinished() throws IOException {
        HttpResponse<InputStream> response = send(url("downloads/stream.bin"), BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            byte[] first = body.readNBytes(FakeUpstream.MIB); // the upstream waits after this much
            REPOSITORY.releaseStream();
            long rest = body.transferTo(OutputStream.nullOutputStream());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(Arrays.copyOfRange(first, 0, FakeUpstream.PIECE.length)).isEqualTo(FakeUpstream.PIECE);
            assertThat(first.length + rest).isEqualTo(5L * FakeUpstream.MIB);
        }
        assertThat(REPOSITORY.streamReleasedInTime()).as("the first MiB arrived while the upstream was still waiting").isTrue();
    }

    @Test
    void answerLongerThanTheTimeoutComesBackWholeWhileItKeepsComing() {
        Instant start = Instant.now();

        HttpResponse<byte[]> response = send(url("downloads/drip.bin"), BodyHandlers.ofByteArray());
        Duration took = Duration.between(start, Instant.now());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).hasSize(12 * FakeUpstream.PIECE.length);
        assertThat(took).as("longer than the 2 s timeout").isGreaterThan(Duration.ofMillis(2500));
    }

    @Test
    void slowClientSlowsTheUpstreamDown() throws IOException {
        String id = newId();
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(64 * 1024);
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port()));
            socket.setSoTimeout(10_000);
            InputStream in = requestHuge(socket, id);
            Poll.until("the upstream's answer", Duration.ofSeconds(5), () -> REPOSITORY.transfer(id).isPresent());
            FakeUpstream.Transfer transfer = REPOSITORY.transfer(id).orElseThrow();

            // The client reads nothing: once the buffers on the way are full, the upstream must wait.
            long stalled = writtenOnceStable(transfer);
            long body = in.transferTo(OutputStream.nullOutputStream());

            assertThat(stalled).as("written upstream while the client read nothing").isLessThan(64L * FakeUpstream.MIB);
            assertThat(body).isEqualTo(128L * FakeUpstream.MIB);
            assertThat(transfer.whole()).succeedsWithin(Duration.ofSeconds(10)).isEqualTo(true);
        }
    }

    @Test
    void clientThatGoesAwayEndsTheUpstreamsAnswer() throws IOException {
        String id = newId();
        FakeUpstream.Transfer transfer;
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port())) {
            socket.setSoTimeout(10_000);
            InputStream in = requestHuge(socket, id);
            Poll.until("the upstream's answer", Duration.ofSeconds(5), () -> REPOSITORY.transfer(id).isPresent());
            transfer = REPOSITORY.transfer(id).orElseThrow();
            assertThat(in.readNBytes(FakeUpstream.MIB)).hasSize(FakeUpstream.MIB);
            socket.setSoLinger(true, 0); // reset, as a client that crashed
        }

        assertThat(transfer.whole()).as("the proxy closed its connection to the upstream")
                .succeedsWithin(Duration.ofSeconds(10)).isEqualTo(false);
    }

    @Test
    void upstreamThatStallsMidBodyIsCutOffAfterTheTimeout() {
        Instant start = Instant.now();

        Throwable failure = catchThrowable(() -> send(url("downloads/stall.bin"), BodyHandlers.ofByteArray()));
        Duration took = Duration.between(start, Instant.now());

        assertThat(failure).as("a body cut off short of its Content-Length").isInstanceOf(UncheckedIOException.class);
        assertThat(took).isBetween(Duration.ofMillis(1900), Duration.ofSeconds(10));
    }

    @Test
    void chunkedAnswerThatBreaksOffUpstreamBreaksOffForTheClient() {
        Throwable failure = catchThrowable(() -> send(url("downloads/broken.bin"), BodyHandlers.ofByteArray()));

        assertThat(failure).as("a chunked body must not end cleanly when the upstream's broke off")
                .isInstanceOf(UncheckedIOException.class);
    }

    // ---- failures of upstreams --------------------------------------------------------------------

    @Test
    void slowUpstreamAnswers504WithinTheTimeout() {
        Instant start = Instant.now();
        HttpResponse<String> response = Http.get(url("rpc/reports/slow"));
        Duration took = Duration.between(start, Instant.now());
        GATEWAY.release();

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo("{\"message\":\"The gateway did not answer within 2s\",\"status\":504}");
        assertThat(took).isBetween(Duration.ofMillis(1900), Duration.ofSeconds(10));
    }

    @Test
    void answerWithinTheTimeoutIsPassedOn() {
        HttpResponse<String> response = Http.get(url("rpc/reports/late"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("gateway:");
    }

    @Test
    @Order(Integer.MAX_VALUE - 1)
    void upstreamDownAnswers502() {
        REPOSITORY.stop();

        HttpResponse<String> response = Http.get(url("index.html"));

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo("{\"message\":\"The repository is not reachable\",\"status\":502}");
    }

    // ---- bad input never reaches an upstream ------------------------------------------------------

    @Test
    void bodyOverTheLimitAnswers413() {
        String declared = newId();
        String chunked = newId();
        HttpResponse<String> withLength = Http.send(Http.request(url("rpc/files/upload")).header("X-Test-Id", declared)
                .POST(BodyPublishers.ofByteArray(new byte[(int) MAX_BODY + 1])).build());
        HttpResponse<String> withoutLength = Http.send(Http.request(url("rpc/files/upload")).header("X-Test-Id", chunked)
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[(int) MAX_BODY + 1]))).build());
        HttpResponse<String> atTheLimit = Http.send(Http.request(url("rpc/files/upload"))
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[(int) MAX_BODY]))).build());

        for (HttpResponse<String> refused : List.of(withLength, withoutLength)) {
            assertThat(refused.statusCode()).isEqualTo(413);
            assertThat(refused.body()).isEqualTo("{\"message\":\"Request body is larger than 1048576 bytes\",\"status\":413}");
        }
        assertThat(GATEWAY.received(declared)).isEmpty();
        assertThat(GATEWAY.received(chunked)).isEmpty();
        assertThat(atTheLimit.statusCode()).isEqualTo(200);
        assertThat(atTheLimit.body()).hasSize("gateway:".length() + (int) MAX_BODY);
    }

    @Test
    void bodyThatStopsArrivingAnswers408AfterTheTimeout() {
        String id = newId();
        Instant start = Instant.now();

        String answer = RawHttp.firstAnswer(port(), "POST /rpc/files/upload HTTP/1.1\r\nHost: a\r\nX-Test-Id: " + id
                + "\r\nContent-Length: 100\r\n\r\nonly the first bytes");
        Duration took = Duration.between(start, Instant.now());

        assertThat(RawHttp.statusLine(answer)).isEqualTo("HTTP/1.1 408 Request Timeout");
        assertThat(RawHttp.body(answer)).isEqualTo("{\"message\":\"The request body did not arrive within 2s\",\"status\":408}");
        assertThat(took).isBetween(Duration.ofMillis(1900), Duration.ofSeconds(10));
        assertThat(GATEWAY.received(id)).isEmpty();
    }

    @Test
    void methodsARouteDoesNotTakeAnswer405() {
        String put = newId();
        String delete = newId();
        HttpResponse<String> rpcPut = Http.send(Http.request(url("rpc/x")).header("X-Test-Id", put)
                .PUT(BodyPublishers.ofString("x")).build());
        HttpResponse<String> assetDelete = Http.send(Http.request(url("index.html")).header("X-Test-Id", delete)
                .DELETE().build());
        String unknown = RawHttp.exchange(port(), "BREW /rpc/x HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");

        assertThat(rpcPut.statusCode()).isEqualTo(405);
        assertThat(rpcPut.headers().firstValue("Allow")).hasValue("GET, POST, OPTIONS");
        assertThat(rpcPut.body()).isEqualTo("{\"message\":\"Method PUT is not allowed here; allowed: GET, POST, OPTIONS\",\"status\":405}");
        assertThat(assetDelete.statusCode()).isEqualTo(405);
        assertThat(assetDelete.headers().firstValue("Allow")).hasValue("GET, HEAD");
        assertThat(RawHttp.statusLine(unknown)).startsWith("HTTP/1.1 405");
        assertThat(RawHttp.body(unknown)).contains("\"status\":405");
        assertThat(GATEWAY.received(put)).isEmpty();
        assertThat(REPOSITORY.received(delete)).isEmpty();
    }

    @Test
    void traversalAndEncodedSlashesCannotReachTheGateway() {
        for (String path : List.of("/assets/..%2Frpc/traversed", "/assets/../rpc/traversed",
                "/assets/%2e%2e/rpc/traversed", "/..;/rpc/traversed", "/rpc%2Ftraversed", "/assets//rpc/traversed")) {
            String answer = get(path);

            assertThat(RawHttp.statusLine(answer)).as(path).isEqualTo("HTTP/1.1 400 Bad Request");
            assertThat(RawHttp.body(answer)).as(path).startsWith("{\"message\":\"Malformed URL: ").endsWith("\"status\":400}");
        }
        // Payara refuses these itself, before the proxy's code runs, with an empty body:
        for (String path : List.of("/assets/..%5Crpc/traversed", "/assets/..\\rpc/traversed", "/rpc/traversed%00",
                "/../rpc/traversed")) {
            String answer = get(path);

            assertThat(RawHttp.statusLine(answer)).as(path).isEqualTo("HTTP/1.1 400 Invalid URI");
            assertThat(RawHttp.body(answer)).as(path).isEmpty();
        }
        assertThat(GATEWAY.paths()).noneMatch(p -> p.contains("traversed"));
        assertThat(REPOSITORY.paths()).noneMatch(p -> p.contains("traversed"));
    }

    @Test
    void encodedFirstSegmentRoutesLikeTheUpstreamReadsIt() {
        String id = newId();
        String answer = RawHttp.exchange(port(), "GET /%72pc/x HTTP/1.1\r\nHost: a\r\nX-Test-Id: " + id
                + "\r\nConnection: close\r\n\r\n");

        assertThat(RawHttp.body(answer)).isEqualTo("gateway:");
        assertThat(GATEWAY.received(id).orElseThrow().uri()).isEqualTo("/%72pc/x");
    }

    @Test
    void contentLengthWithTransferEncodingNeverReachesAnUpstreamAmbiguously() {
        String id = newId();
        String lengthFirst = RawHttp.exchange(port(), "POST /rpc/x HTTP/1.1\r\nHost: a\r\nX-Test-Id: " + id
                + "\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
        String encodingFirst = RawHttp.exchange(port(), "POST /rpc/refused HTTP/1.1\r\nHost: a\r\n"
                + "Transfer-Encoding: chunked\r\nContent-Length: 3\r\nConnection: close\r\n\r\n5\r\nhello\r\n0\r\n\r\n");

        // Grizzly decides before the proxy sees the request. Content-Length first: it drops that
        // header and the chunked framing wins; the proxy then sends the body it read with a length
        // of its own, so the upstream cannot read the request differently. Transfer-Encoding
        // first: Grizzly refuses the request with an empty 400.
        assertThat(RawHttp.statusLine(lengthFirst)).isEqualTo("HTTP/1.1 200 OK");
        Received received = GATEWAY.received(id).orElseThrow();
        assertThat(received.body()).isEqualTo("hello");
        assertThat(received.header("Content-Length")).hasValue("5");
        assertThat(received.headers()).doesNotContainKey("Transfer-Encoding");
        assertThat(RawHttp.statusLine(encodingFirst)).isEqualTo("HTTP/1.1 400 Bad Request");
        assertThat(RawHttp.body(encodingFirst)).isEmpty();
        assertThat(GATEWAY.paths()).doesNotContain("/rpc/refused");
    }

    @Test
    void malformedRequestsAreRefusedBeforeTheUpstream() {
        String nonAscii = RawHttp.exchange(port(), "GET /caf\u00c3\u00a9 HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
        String badEscape = RawHttp.exchange(port(), "GET /rpc/a%zz HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
        String hugeHeader = RawHttp.exchange(port(), "GET /rpc/huge HTTP/1.1\r\nHost: a\r\nX-Huge: " + "a".repeat(9000)
                + "\r\nConnection: close\r\n\r\n");
        String bodyLengths = RawHttp.exchange(port(), "POST /rpc/lengths HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\n"
                + "Content-Length: 2\r\nConnection: close\r\n\r\nab");

        assertThat(RawHttp.statusLine(nonAscii)).isEqualTo("HTTP/1.1 400 Bad Request");
        assertThat(RawHttp.body(nonAscii)).contains("\"status\":400");
        // Payara's own answers, before the proxy's code runs (see the README of proxy-war):
        assertThat(RawHttp.statusLine(badEscape)).isEqualTo("HTTP/1.1 200 OK");
        assertThat(RawHttp.body(badEscape)).isEmpty();
        assertThat(RawHttp.statusLine(hugeHeader)).isEqualTo("HTTP/1.1 400 Bad Request");
        assertThat(RawHttp.body(hugeHeader)).isEmpty();
        assertThat(RawHttp.statusLine(bodyLengths)).isEqualTo("HTTP/1.1 400 Bad Request");
        assertThat(GATEWAY.paths()).noneMatch(p -> p.contains("a%zz") || p.contains("huge") || p.contains("lengths")
                || p.contains("caf"));
    }

    // ---- the proxy's own health -------------------------------------------------------------------

    @Test
    @Order(Integer.MAX_VALUE)
    void staysReadyAndKeepsItsHealthToItself() {
        HttpResponse<String> ready = Http.get(url("health/ready"));
        HttpResponse<String> health = Http.get(url("health"));

        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"name\":\"jitar-proxy\"", "\"status\":\"UP\"",
                "\"rpc\":\"gateway\"", "\"assets\":\"repository\"")
                .doesNotContain(GATEWAY.url(), REPOSITORY.url());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(Http.get(url("health/live")).statusCode()).isEqualTo(200);
        assertThat(REPOSITORY.paths()).noneMatch(p -> p.startsWith("/health"));
    }

    /** A GET written byte for byte: paths the JDK client would refuse or normalize. */
    private String get(String path) {
        return RawHttp.exchange(port(), "GET " + path + " HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
    }

    /** Sends {@code GET /downloads/huge.bin} and reads the answer's head; the body is left to read. */
    private static InputStream requestHuge(Socket socket, String id) throws IOException {
        socket.getOutputStream().write(("GET /downloads/huge.bin HTTP/1.1\r\nHost: a\r\nX-Test-Id: " + id
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (head.indexOf("\r\n\r\n") < 0) {
            int next = in.read();
            assertThat(next).as("the answer's head").isNotNegative();
            head.append((char) next);
        }
        assertThat(head.toString()).startsWith("HTTP/1.1 200").contains("Content-Length: " + 128 * FakeUpstream.MIB);
        return in;
    }

    /** How much the upstream has written once that stops growing for 300 ms (at most 1.5 s: below the timeout). */
    private static long writtenOnceStable(FakeUpstream.Transfer transfer) {
        long[] last = {-1};
        long[] stableSince = {System.nanoTime()};
        try {
            Poll.until("the upstream to stop writing", Duration.ofMillis(1500), () -> {
                long now = transfer.written().get();
                if (now != last[0]) {
                    last[0] = now;
                    stableSince[0] = System.nanoTime();
                    return false;
                }
                return System.nanoTime() - stableSince[0] >= Duration.ofMillis(300).toNanos();
            });
        } catch (AssertionError stillWriting) {
            // Still growing at the deadline: what it wrote by then is judged by the caller's assertion.
        }
        return transfer.written().get();
    }

    /** Like {@link Http#send} for bodies that are not strings. */
    private static <T> HttpResponse<T> send(String url, HttpResponse.BodyHandler<T> handler) {
        try {
            return CLIENT.send(Http.request(url).GET().build(), handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
