package io.jitar.gateway.it;

import static io.jitar.gateway.it.FakeWorker.Behaviour.CRASH;
import static io.jitar.gateway.it.FakeWorker.Behaviour.ECHO;
import static io.jitar.gateway.it.FakeWorker.Behaviour.NAME;
import static io.jitar.gateway.it.FakeWorker.Behaviour.STALL;
import static org.assertj.core.api.Assertions.assertThat;

import io.jitar.gateway.cluster.PublicWorkerId;
import io.jitar.testing.Deployments;
import io.jitar.testing.FreePorts;
import io.jitar.testing.Http;
import io.jitar.testing.Poll;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The built gateway on Payara Micro with workers faked inside this JVM: the registry API and its
 * validation, trust keys, round robin, failover, timeouts, forwarding fidelity, monitoring and the
 * public cluster view.
 * Every test uses its own procedure names, so round-robin counters of other tests do not matter.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GatewayIT {

    private static final String KEY = "it-trust-key";
    private static final String KEY_HEADER = "X-Jitar-Trust-Key";
    /** For the one test that needs the body as bytes; {@link Http} answers strings. */
    private static final HttpClient BYTES_CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Pattern ID = Pattern.compile("\\{\"id\":\"([0-9a-f-]{36})\"}");

    @ArquillianResource
    URL base;

    private final List<FakeWorker> workers = new ArrayList<>();

    @Deployment(testable = false)
    static WebArchive deployment() {
        String config = String.join("\n",
                "jitar.trust-key=" + KEY,
                "jitar.gateway.monitor-interval=200ms",
                // Fake workers do not report: every test registers its own and is done long before 5s.
                "jitar.gateway.unavailable-threshold=5s",
                "jitar.gateway.stopped-threshold=10s",
                "jitar.gateway.request-timeout=2s",
                "jitar.gateway.down-time=30s",
                "jitar.max-body-size=4KB", "");
        return Deployments.builtWar("gateway")
                .addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties");
    }

    @AfterEach
    void stopWorkers() {
        workers.forEach(FakeWorker::close);
    }

    // Registration

    @Test
    void registrationAnswersTheWorkerId() {
        FakeWorker worker = worker("plain", NAME);

        HttpResponse<String> inBody = postWorkers(registration(worker.url(), "[\"register/who\"]", KEY));
        HttpResponse<String> inHeader = send(request("workers").header(KEY_HEADER, KEY)
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(BodyPublishers.ofString("{\"url\":\"" + worker.url() + "\",\"procedureNames\":[\"register/who\"]}")));

        assertThat(inBody.statusCode()).isEqualTo(200);
        assertThat(inBody.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(inBody.body()).matches(ID);
        assertThat(inHeader.statusCode()).isEqualTo(200);
        assertThat(inHeader.body()).matches(ID);
        assertThat(rpc("register/who").body()).isEqualTo("plain");
    }

    @Test
    void registrationWithoutOrWithAWrongTrustKeyIsRefused() {
        FakeWorker rogue = worker("rogue", NAME);

        HttpResponse<String> without = postWorkers("{\"url\":\"" + rogue.url() + "\",\"procedureNames\":[\"rogue/who\"]}");
        HttpResponse<String> wrong = postWorkers(registration(rogue.url(), "[\"rogue/who\"]", "guess"));

        String refusal = "{\"message\":\"Worker registration refused: a valid trust key is required "
                + "(field 'trustKey' or header X-Jitar-Trust-Key)\",\"status\":401,\"type\":\"io.jitar.errors.UnauthorizedException\"}";
        assertThat(without.statusCode()).isEqualTo(401);
        assertThat(without.body()).isEqualTo(refusal);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).isEqualTo(refusal);
        assertThat(rpc("rogue/who").statusCode()).isEqualTo(404);
        assertThat(rogue.requests()).isZero();
    }

    @Test
    void reportRemoveAndListRequireTheTrustKeyHeaderOrForReportAndRemoveARegisteredId() {
        FakeWorker worker = worker("guarded", NAME);
        String id = register(worker, "guarded/who");
        String unknown = "00000000-0000-4000-8000-000000000000";

        HttpResponse<String> unknownReport = send(request("workers/" + unknown + "/report").header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"state\":\"unavailable\"}")));
        HttpResponse<String> wrongKeyReport = send(request("workers/" + id + "/report").header(KEY_HEADER, "guess")
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString("{\"state\":\"unavailable\"}")));
        HttpResponse<String> wrongKeyRemove = send(request("workers/" + id).header(KEY_HEADER, "guess").DELETE());
        HttpResponse<String> unknownRemove = send(request("workers/" + unknown).DELETE());
        HttpResponse<String> list = send(request("workers").GET());

        assertThat(unknownReport.statusCode()).isEqualTo(401);
        assertThat(unknownReport.body()).isEqualTo("{\"message\":\"A valid trust key in header X-Jitar-Trust-Key or a "
                + "registered worker's id is required to report a worker's state\",\"status\":401,"
                + "\"type\":\"io.jitar.errors.UnauthorizedException\"}");
        assertThat(wrongKeyReport.statusCode()).as("a wrong key is refused even with a known id").isEqualTo(401);
        assertThat(wrongKeyRemove.statusCode()).isEqualTo(401);
        assertThat(wrongKeyRemove.body()).contains("is required to remove a worker");
        assertThat(unknownRemove.statusCode()).isEqualTo(401);
        assertThat(list.statusCode()).isEqualTo(401);
        assertThat(rpc("guarded/who").body()).isEqualTo("guarded");

        // The original Jitar's worker reports and deregisters with its id alone (its key went in the registration body).
        HttpResponse<String> keylessReport = send(request("workers/" + id + "/report").header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"state\":\"unavailable\"}")));
        assertThat(keylessReport.statusCode()).isEqualTo(204);
        assertThat(rpc("guarded/who").statusCode()).isEqualTo(503);
        assertThat(send(request("workers/" + id).DELETE()).statusCode()).isEqualTo(204);
        assertThat(rpc("guarded/who").statusCode()).isEqualTo(404);
    }

    @Test
    void badRegistrationMalformedJson() {
        HttpResponse<String> response = postWorkers("{\"url\": \"http://127.0.0.1:1/\", ");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).startsWith("{\"message\":\"Malformed JSON body: ").endsWith(",\"status\":400,"
                + "\"type\":\"io.jitar.errors.BadRequestException\"}");
    }

    @Test
    void badRegistrationBodyThatIsNotAnObject() {
        assertBadRequest(postWorkers("[\"http://127.0.0.1:1/\"]"), "Request body must be a JSON object, found array");
        assertBadRequest(postWorkers(""), "Request body is empty; expected a JSON object");
    }

    @Test
    void badRegistrationUrl() {
        assertBadRequest(postWorkers(registration("ftp://127.0.0.1:1/", "[\"bad/url\"]", KEY)),
                "url must be an absolute http(s) URL, got 'ftp://127.0.0.1:1/'");
        assertBadRequest(postWorkers(registration("not a url", "[\"bad/url\"]", KEY)),
                "url must be an absolute http(s) URL, got 'not a url'");
        assertBadRequest(postWorkers("{\"procedureNames\":[\"bad/url\"],\"trustKey\":\"" + KEY + "\"}"),
                "url must be an absolute http(s) URL, got 'null'");
        assertBadRequest(postWorkers("{\"url\":42,\"procedureNames\":[\"bad/url\"],\"trustKey\":\"" + KEY + "\"}"),
                "'url' must be a string, found number");
    }

    @Test
    void badRegistrationProcedureLists() {
        String url = "http://127.0.0.1:1/";
        assertBadRequest(postWorkers(registration(url, "[]", KEY)), "procedureNames must not be empty");
        assertBadRequest(postWorkers("{\"url\":\"" + url + "\",\"trustKey\":\"" + KEY + "\"}"), "procedureNames must not be empty");
        assertBadRequest(postWorkers(registration(url, "\"bad/list\"", KEY)), "'procedureNames' must be an array of strings, found string");
        assertBadRequest(postWorkers(registration(url, "[\"bad/list\", 7]", KEY)), "'procedureNames' must be an array of strings, found an element 7");
        assertBadRequest(postWorkers(registration(url, "[\"bad//name\"]", KEY)), "Invalid procedure name 'bad//name'; "
                + "expected segments of letters, digits, '_', '$' or '-' separated by '/'");
        assertBadRequest(postWorkers("{\"url\":\"" + url + "\",\"procedureNames\":[\"bad/list\"],"
                + "\"idempotentProcedureNames\":[\"bad/other\"],\"trustKey\":\"" + KEY + "\"}"),
                "idempotentProcedureNames must be a subset of procedureNames; 'bad/other' is not in procedureNames");
    }

    @Test
    void badRegistrationWrongContentType() {
        HttpResponse<String> response = send(request("workers").header("Content-Type", "text/plain")
                .POST(BodyPublishers.ofString(registration("http://127.0.0.1:1/", "[\"bad/type\"]", KEY))));

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.body()).isEqualTo("{\"message\":\"Unsupported Content-Type 'text/plain': send application/json\","
                + "\"status\":415,\"type\":\"io.jitar.errors.JitarException\"}");
    }

    @Test
    void badRegistrationBodyOverTheLimit() {
        String names = "\"big/name\",".repeat(500);
        HttpResponse<String> response = postWorkers(registration("http://127.0.0.1:1/", "[" + names + "\"big/name\"]", KEY));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).isEqualTo("{\"message\":\"Request body is larger than 4096 bytes (jitar.max-body-size)\","
                + "\"status\":413,\"type\":\"io.jitar.errors.JitarException\"}");
    }

    @Test
    void unsupportedMethodsAnswer405Json() {
        HttpResponse<String> workersPut = send(request("workers").PUT(BodyPublishers.ofString("{}")));
        HttpResponse<String> rpcPut = send(request("rpc/any/thing").PUT(BodyPublishers.ofString("{}")));
        HttpResponse<String> rpcHead = send(request("rpc/any/thing").method("HEAD", BodyPublishers.noBody()));

        assertThat(workersPut.statusCode()).isEqualTo(405);
        assertThat(workersPut.body()).isEqualTo("{\"message\":\"Method not allowed; use GET, OPTIONS, POST\",\"status\":405}");
        assertThat(workersPut.headers().firstValue("Allow")).hasValue("GET, OPTIONS, POST");
        assertThat(rpcPut.statusCode()).isEqualTo(405);
        assertThat(rpcPut.body()).isEqualTo("{\"message\":\"Method not allowed; use GET, OPTIONS, POST\",\"status\":405}");
        assertThat(rpcHead.statusCode()).isEqualTo(405);
    }

    @Test
    void reportWithABogusStateOrForAnUnknownWorker() {
        String id = register(worker("reporting", NAME), "report/who");

        HttpResponse<String> bogus = report(id, "sleeping");
        HttpResponse<String> notAString = send(request("workers/" + id + "/report").header(KEY_HEADER, KEY)
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString("{\"state\":1}")));
        HttpResponse<String> unknown = report("no-such-worker", "available");
        HttpResponse<String> unknownDelete = send(request("workers/no-such-worker").header(KEY_HEADER, KEY).DELETE());

        assertThat(bogus.statusCode()).isEqualTo(400);
        assertThat(bogus.body()).isEqualTo("{\"message\":\"Unknown worker state 'sleeping'; expected one of starting, "
                + "available, unavailable, stopping, stopped\",\"status\":400,\"type\":\"io.jitar.errors.BadRequestException\"}");
        assertBadRequest(notAString, "'state' must be a string, found number");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"message\":\"Unknown worker 'no-such-worker'\",\"status\":404,"
                + "\"type\":\"io.jitar.gateway.cluster.UnknownWorkerException\"}");
        assertThat(unknownDelete.statusCode()).isEqualTo(404);
        assertThat(report(id, "available").statusCode()).isEqualTo(204);
    }

    // Forwarding

    @Test
    void picksWorkersRoundRobin() {
        register(worker("first", NAME), "turns/who");
        register(worker("second", NAME), "turns/who");

        List<String> answers = new ArrayList<>();
        for (int call = 0; call < 6; call++) {
            HttpResponse<String> response = rpc("turns/who");
            assertThat(response.statusCode()).isEqualTo(200);
            answers.add(response.body());
        }

        assertThat(answers).containsExactly("first", "second", "first", "second", "first", "second");
    }

    @Test
    void unknownProcedureIsNotFoundAndUnavailableProcedureIsUnavailable() {
        String id = register(worker("quiet", NAME), "quiet/who");
        report(id, "unavailable");

        HttpResponse<String> unknown = rpc("nobody/offers");
        HttpResponse<String> unavailable = rpc("quiet/who");
        report(id, "available");
        HttpResponse<String> back = rpc("quiet/who");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"message\":\"Procedure 'nobody/offers' not found\",\"status\":404,"
                + "\"type\":\"io.jitar.gateway.cluster.ProcedureNotFoundException\"}");
        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(unavailable.body()).isEqualTo("{\"message\":\"No worker available for procedure 'quiet/who'\","
                + "\"status\":503,\"type\":\"io.jitar.gateway.cluster.NoWorkerAvailableException\"}");
        assertThat(back.statusCode()).isEqualTo(200);
        assertThat(back.body()).isEqualTo("quiet");
    }

    @Test
    void deadWorkerIsSkippedWithoutAFailedCallAndUsedAgainOnceItReportsAvailable() {
        int deadPort = FreePorts.next();
        String deadId = register("http://127.0.0.1:" + deadPort + "/", "[\"failover/who\"]", null);
        FakeWorker live = worker("live", NAME);
        register(live, "failover/who");

        for (int call = 0; call < 20; call++) {
            HttpResponse<String> response = rpc("failover/who");
            assertThat(response.statusCode()).as("call %d", call).isEqualTo(200);
            assertThat(response.body()).isEqualTo("live");
        }
        assertThat(live.requests()).isEqualTo(20);
        assertThat(workerEntry(deadId)).contains("\"downUntil\":\"").contains("\"state\":\"available\"");

        FakeWorker revived = worker("revived", NAME, deadPort);
        assertThat(report(deadId, "available").statusCode()).isEqualTo(204);
        Set<String> answers = new HashSet<>(List.of(rpc("failover/who").body(), rpc("failover/who").body()));

        assertThat(answers).containsExactlyInAnyOrder("live", "revived");
        assertThat(workerEntry(deadId)).doesNotContain("downUntil");
        assertThat(revived.requests()).isEqualTo(1);
    }

    @Test
    void brokenConnectionFailsANonIdempotentCallButRetriesAnIdempotentOne() {
        FakeWorker crashing = worker("crashing", CRASH);
        FakeWorker answering = worker("answering", NAME);
        String crashingId = register(crashing.url(), "[\"crash/unsafe\",\"crash/safe\"]", "[\"crash/safe\"]");
        register(answering.url(), "[\"crash/unsafe\",\"crash/safe\"]", "[\"crash/safe\"]");

        List<HttpResponse<String>> unsafe = List.of(postRpc("crash/unsafe", "{}"), postRpc("crash/unsafe", "{}"));
        assertThat(crashing.requests()).isEqualTo(1);
        List<HttpResponse<String>> safe = List.of(postRpc("crash/safe", "{}"), postRpc("crash/safe", "{}"));

        HttpResponse<String> failed = unsafe.stream().filter(r -> r.statusCode() != 200).findFirst().orElseThrow();
        assertThat(unsafe).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(200, 502);
        assertThat(failed.body()).isEqualTo("{\"message\":\"Worker " + PublicWorkerId.of(crashingId) + " failed before answering procedure "
                + "'crash/unsafe'; not retried because the procedure is not idempotent\",\"status\":502,"
                + "\"type\":\"io.jitar.gateway.cluster.WorkerFailedException\"}");
        assertThat(safe).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("answering");
        });
        assertThat(crashing.requests()).isEqualTo(2);
    }

    @Test
    void slowWorkerAnswers504WithinTheRequestTimeout() {
        FakeWorker slow = worker("slow", STALL);
        String id = register(slow, "slow/wait");

        Instant start = Instant.now();
        HttpResponse<String> response = rpc("slow/wait");
        Duration took = Duration.between(start, Instant.now());

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.body()).isEqualTo("{\"message\":\"Worker " + PublicWorkerId.of(id) + " did not answer procedure 'slow/wait' "
                + "within 2s\",\"status\":504,\"type\":\"io.jitar.gateway.cluster.WorkerTimeoutException\"}");
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(2)).isLessThan(Duration.ofSeconds(10));
        assertThat(slow.requests()).isEqualTo(1);
    }

    @Test
    void forwardsMethodQueryHeadersAndBodyAndReturnsTheAnswerUnchanged() {
        FakeWorker echo = worker("echo", ECHO);
        register(echo, "echo/bytes");
        byte[] body = new byte[256];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) i;
        }

        HttpResponse<byte[]> direct = sendForBytes(Http.request(echo.url() + "rpc/echo/bytes").POST(BodyPublishers.noBody()));
        assertThat(direct.headers().map()).as("what the worker itself sends").containsKeys("keep-alive", "proxy-authenticate");

        HttpResponse<byte[]> response = sendForBytes(request("rpc/echo/bytes?a=1&b=%20x%2Fy&b=2")
                .header("Content-Type", "application/octet-stream")
                .header("X-Jitar-Procedure-Version", "1.2.3")
                .header(KEY_HEADER, "caller-key")
                .header("User-Agent", "gateway-it")
                .header("Accept", "text/plain")
                .header("Accept", "application/json")
                .POST(BodyPublishers.ofByteArray(body)));

        FakeWorker.Received received = echo.last();
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.rawPath()).isEqualTo("/rpc/echo/bytes");
        assertThat(received.rawQuery()).isEqualTo("a=1&b=%20x%2Fy&b=2");
        assertThat(received.body()).isEqualTo(body);
        assertThat(received.headers().getFirst("X-Jitar-Procedure-Version")).isEqualTo("1.2.3");
        assertThat(received.headers().getFirst(KEY_HEADER)).isEqualTo("caller-key");
        assertThat(received.headers().getFirst("User-Agent")).isEqualTo("gateway-it");
        assertThat(received.headers().getFirst("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(String.join(",", received.headers().get("Accept"))).contains("text/plain").contains("application/json");
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEqualTo(body);
        assertThat(response.headers().firstValue("X-Worker")).hasValue("echo");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(response.headers().map()).doesNotContainKeys("keep-alive", "proxy-authenticate");
    }

    @Test
    void getAndOptionsAreForwardedWithTheirMethod() {
        FakeWorker echo = worker("echo", ECHO);
        register(echo, "echo/methods");

        HttpResponse<String> get = rpc("echo/methods?x=1");
        String getMethod = echo.last().method();
        HttpResponse<String> options = send(request("rpc/echo/methods").method("OPTIONS", BodyPublishers.noBody()));

        assertThat(get.statusCode()).isEqualTo(202);
        assertThat(getMethod).isEqualTo("GET");
        assertThat(options.statusCode()).isEqualTo(202);
        assertThat(echo.last().method()).isEqualTo("OPTIONS");
    }

    @Test
    void hopByHopRequestHeadersAreNotForwarded() {
        FakeWorker echo = worker("echo", ECHO);
        register(echo, "echo/hops");

        String status = rawGet("/rpc/echo/hops", "Connection: close, X-Private", "X-Private: secret", "Keep-Alive: timeout=5",
                "TE: trailers", "Trailer: X-Checksum", "Upgrade: example/1", "Proxy-Authorization: Basic c2VjcmV0",
                "X-Custom: kept", "X-Jitar-Procedure-Version: 2.0.0");

        assertThat(status).startsWith("HTTP/1.1 202");
        assertThat(echo.last().headers()).doesNotContainKeys("X-private", "Keep-alive", "Te", "Trailer", "Upgrade",
                "Proxy-authorization", "Connection");
        assertThat(echo.last().headers().getFirst("X-Custom")).isEqualTo("kept");
        assertThat(echo.last().headers().getFirst("X-Jitar-Procedure-Version")).isEqualTo("2.0.0");
        assertThat(echo.last().headers().getFirst("Host")).isEqualTo(URI.create(echo.url()).getAuthority());
    }

    @Test
    void badRpcInputAnswersJsonErrors() {
        register(worker("target", NAME), "guard/sum");

        assertBadRequest(rpc("guard%2Fsum"), "Invalid procedure name: encoded '/', '\\\\' or '.' is not allowed");
        assertBadRequest(rpc("guard/%2e%2e/sum"), "Invalid procedure name: encoded '/', '\\\\' or '.' is not allowed");
        assertBadRequest(rpc(""), "Procedure name is empty");
        assertBadRequest(rpc("guard/su$m!"), "Invalid procedure name 'guard/su$m!'");
        HttpResponse<String> tooLarge = postRpc("guard/sum", "{\"numbers\":[" + "1,".repeat(3000) + "1]}");
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("\"message\":\"Request body is larger than 4096 bytes (jitar.max-body-size)\"");
    }

    @Test
    void removedWorkerGetsNoMoreRequests() {
        FakeWorker leaving = worker("leaving", NAME);
        String id = register(leaving, "leaving/who");
        assertThat(rpc("leaving/who").body()).isEqualTo("leaving");

        HttpResponse<String> removal = send(request("workers/" + id).header(KEY_HEADER, KEY).DELETE());
        HttpResponse<String> after = rpc("leaving/who");

        assertThat(removal.statusCode()).isEqualTo(204);
        assertThat(after.statusCode()).isEqualTo(404);
        assertThat(after.body()).contains("\"message\":\"Procedure 'leaving/who' not found\"");
        assertThat(leaving.requests()).isEqualTo(1);
        assertThat(send(request("workers/" + id).header(KEY_HEADER, KEY).DELETE()).statusCode()).isEqualTo(404);
    }

    // Routes for direct calls

    @Test
    void routesNeedTheKeyListAvailableWorkersWithURLsAndAnswerALongPollAtTheNextChange() throws Exception {
        FakeWorker first = worker("route-first", NAME);
        register(first.url(), "[\"route/a\",\"route/b\"]", "[\"route/a\"]");

        HttpResponse<String> withoutKey = send(request("workers/routes").GET());
        HttpResponse<String> unknownParameter = send(request("workers/routes?since=1").header(KEY_HEADER, KEY).GET());
        HttpResponse<String> badVersion = send(request("workers/routes?after=-1").header(KEY_HEADER, KEY).GET());
        HttpResponse<String> now = send(request("workers/routes").header(KEY_HEADER, KEY).GET());

        assertThat(withoutKey.statusCode()).isEqualTo(401);
        assertThat(withoutKey.body()).contains("is required to read the routes");
        assertThat(unknownParameter.statusCode()).isEqualTo(400);
        assertThat(unknownParameter.body()).contains("Unknown query parameter 'since'");
        assertThat(badVersion.statusCode()).isEqualTo(400);
        assertThat(now.statusCode()).isEqualTo(200);
        assertThat(now.body()).contains("{\"idempotent\":[\"route/a\"],\"procedures\":[\"route/a\",\"route/b\"],\"url\":\""
                + first.url() + "\"}");
        Matcher version = Pattern.compile("\"version\":(\\d+)").matcher(now.body());
        assertThat(version.find()).isTrue();

        // Nothing changed: the poll waits; a registration answers it at once with the new table.
        java.util.concurrent.CompletableFuture<HttpResponse<String>> poll = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> send(request("workers/routes?after=" + version.group(1)).header(KEY_HEADER, KEY).GET()));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> poll.get(1, java.util.concurrent.TimeUnit.SECONDS))
                .as("no answer while nothing changes").isInstanceOf(java.util.concurrent.TimeoutException.class);
        FakeWorker second = worker("route-second", NAME);
        Instant registered = Instant.now();
        register(second, "route/c");
        HttpResponse<String> changed = poll.get(10, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(Duration.between(registered, Instant.now())).isLessThan(Duration.ofSeconds(5));
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).contains(first.url(), "\"procedures\":[\"route/c\"],\"url\":\"" + second.url() + "\"")
                .doesNotContain("\"version\":" + version.group(1) + ",");
    }

    // Cluster view

    @Test
    void clusterViewIsPublicAndShowsNameSegmentsStateAndProceduresButNoUrl() {
        FakeWorker named = worker("viewed", NAME);
        FakeWorker anonymous = worker("anonymous", NAME);
        String namedId = registerLabelled(named.url(), "[\"view/b\",\"view/a\"]", "\"view-worker_1.eu\"",
                "[\"view\",\"heavy\"]");
        String anonymousId = register(anonymous, "view/c");

        HttpResponse<String> view = send(request("cluster").GET());

        assertThat(view.statusCode()).isEqualTo(200);
        assertThat(view.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(view.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(view.body()).startsWith("{\"workers\":[").matches(".*],\"procedures\":\\d+}");
        assertThat(clusterEntry(view.body(), namedId)).isEqualTo("{\"id\":\"" + PublicWorkerId.of(namedId) + "\",\"name\":\"view-worker_1.eu\","
                + "\"segments\":[\"heavy\",\"view\"],\"state\":\"available\",\"procedures\":[\"view/a\",\"view/b\"],"
                + "\"requests\":0,\"recentRequests\":0,\"requestsPerSecond\":0.0,\"directRequests\":0}");
        assertThat(clusterEntry(view.body(), anonymousId)).isEqualTo("{\"id\":\"" + PublicWorkerId.of(anonymousId) + "\",\"segments\":[],"
                + "\"state\":\"available\",\"procedures\":[\"view/c\"],\"requests\":0,\"recentRequests\":0,"
                + "\"requestsPerSecond\":0.0,\"directRequests\":0}");
        // Nor the registration ids: they are the workers' credentials for keyless reports.
        assertThat(view.body()).doesNotContain(namedId, anonymousId, named.url(), anonymous.url(), "127.0.0.1", "http", "\"url\"", KEY,
                "trustKey", "idempotent", "downUntil");
        assertThat(procedureCount(view.body())).isGreaterThanOrEqualTo(3);
    }

    @Test
    void clusterViewCountsForwardedRequestsAndRecentLoad() {
        FakeWorker busy = worker("busy", NAME);
        FakeWorker idle = worker("idle", NAME);
        String busyId = registerLabelled(busy.url(), "[\"count/who\"]", "\"busy\"", null);
        String idleId = registerLabelled(idle.url(), "[\"count/other\"]", "\"idle\"", null);
        assertThat(clusterEntry(send(request("cluster").GET()).body(), busyId)).contains("\"requests\":0,");

        for (int call = 0; call < 5; call++) {
            assertThat(rpc("count/who").statusCode()).isEqualTo(200);
        }
        String entry = clusterEntry(send(request("cluster").GET()).body(), busyId);

        assertThat(entry).contains("\"name\":\"busy\"", "\"requests\":5,");
        // Recent load counts whole seconds: the calls show once their second is over.
        Poll.until("the 5 calls in the recent load", Duration.ofSeconds(10), () -> clusterEntry(send(request("cluster").GET()).body(), busyId)
                .endsWith("\"requests\":5,\"recentRequests\":5,\"requestsPerSecond\":0.5,\"directRequests\":0}"));
        assertThat(clusterEntry(send(request("cluster").GET()).body(), idleId)).contains("\"requests\":0,\"recentRequests\":0,");
        assertThat(rpc("count/who").statusCode()).isEqualTo(200);
        assertThat(clusterEntry(send(request("cluster").GET()).body(), busyId)).contains("\"requests\":6,");
    }

    @Test
    void clusterViewIsReadOnly() {
        String id = registerLabelled(worker("steady", NAME).url(), "[\"steady/who\"]", "\"steady\"", null);

        for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
            HttpResponse<String> refused = send(request("cluster").header(KEY_HEADER, KEY)
                    .header("Content-Type", "application/json")
                    .method(method, "DELETE".equals(method) ? BodyPublishers.noBody() : BodyPublishers.ofString("{}")));

            assertThat(refused.statusCode()).as(method).isEqualTo(405);
            assertThat(refused.body()).as(method).startsWith("{\"message\":\"Method not allowed; use GET").endsWith("\"status\":405}");
        }
        HttpResponse<String> sub = send(request("cluster/" + id).GET());

        assertThat(sub.statusCode()).isEqualTo(404);
        assertThat(send(request("cluster").method("HEAD", BodyPublishers.noBody())).statusCode()).isEqualTo(200);
        assertThat(clusterEntry(send(request("cluster").GET()).body(), id)).contains("\"state\":\"available\"");
        assertThat(rpc("steady/who").body()).isEqualTo("steady");
    }

    @Test
    void badRegistrationNameOrSegments() {
        String url = "http://127.0.0.1:1/";
        String rule = "1 to 64 characters of letters, digits, '_', '.' or '-', got '";
        assertBadRequest(postWorkers(labelled(url, "\"worker 1\"", null)), "'name' must be " + rule + "worker 1'");
        assertBadRequest(postWorkers(labelled(url, "\"" + "w".repeat(65) + "\"", null)), "'name' must be " + rule + "w");
        assertBadRequest(postWorkers(labelled(url, "\"\"", null)), "'name' must be " + rule + "'");
        assertBadRequest(postWorkers(labelled(url, "\"<script>\"", null)), "'name' must be " + rule + "<script>'");
        assertBadRequest(postWorkers(labelled(url, "7", null)), "'name' must be a string, found number");
        assertBadRequest(postWorkers(labelled(url, null, "[\"heavy\",\"a/b\"]")), "'segments' must hold segment names of "
                + rule + "a/b'");
        assertBadRequest(postWorkers(labelled(url, null, "[\"" + "s".repeat(65) + "\"]")), "'segments' must hold segment names");
        assertBadRequest(postWorkers(labelled(url, null, "\"heavy\"")), "'segments' must be an array of strings, found string");
        assertBadRequest(postWorkers(labelled(url, null, "[\"heavy\",1]")), "'segments' must be an array of strings, found an element 1");
        assertThat(send(request("cluster").GET()).body()).doesNotContain("bad/labels");
    }

    @Test
    void registrationWithNullNameAndSegmentsIsLikeOneWithout() {
        String id = registerLabelled(worker("plain-old", NAME).url(), "[\"plainold/who\"]", "null", "null");

        assertThat(clusterEntry(send(request("cluster").GET()).body(), id)).doesNotContain("\"name\"").contains("\"segments\":[]");
        assertThat(rpc("plainold/who").body()).isEqualTo("plain-old");
    }

    // Monitoring and health

    @Test
    void silentWorkerBecomesUnavailableAndIsThenRemoved() {
        String id = register(worker("silent", NAME), "silent/who");

        Poll.until("worker " + id + " to be unavailable", Duration.ofSeconds(30),
                () -> workerEntry(id).contains("\"state\":\"unavailable\""));
        // The listing shows the state now; routing follows at the monitor's next evaluation.
        Poll.until("calls to the silent worker to stop", Duration.ofSeconds(5), () -> rpc("silent/who").statusCode() == 503);
        Poll.until("worker " + id + " to be removed", Duration.ofSeconds(30), () -> workerEntry(id).isEmpty());
        assertThat(rpc("silent/who").statusCode()).isEqualTo(404);
    }

    @Test
    void gatewayStaysReadyAfterBadInput() {
        postWorkers("{{{{");
        send(request("rpc/some/thing").method("PATCH", BodyPublishers.ofString("x")));
        rpc("no/such/procedure");

        HttpResponse<String> ready = Http.get("http://127.0.0.1:" + base.getPort() + "/health/ready");

        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"name\":\"jitar-gateway\"").contains("\"status\":\"UP\"").contains("\"workers\"");
    }

    // Helpers

    private FakeWorker worker(String name, FakeWorker.Behaviour behaviour) {
        return worker(name, behaviour, 0);
    }

    private FakeWorker worker(String name, FakeWorker.Behaviour behaviour, int port) {
        FakeWorker worker = FakeWorker.start(name, behaviour, port);
        workers.add(worker);
        return worker;
    }

    private String register(FakeWorker worker, String procedure) {
        return register(worker.url(), "[\"" + procedure + "\"]", null);
    }

    /** Registers with the trust key; {@code idempotent} is a JSON array or {@code null}. */
    private String register(String url, String procedures, String idempotent) {
        String body = "{\"url\":\"" + url + "\",\"procedureNames\":" + procedures
                + (idempotent == null ? "" : ",\"idempotentProcedureNames\":" + idempotent) + ",\"trustKey\":\"" + KEY + "\"}";
        HttpResponse<String> response = postWorkers(body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Matcher matcher = ID.matcher(response.body());
        assertThat(matcher.matches()).as(response.body()).isTrue();
        return matcher.group(1);
    }

    /** Registers with the trust key, a name and segments; {@code name} and {@code segments} are JSON or {@code null} to leave out. */
    private String registerLabelled(String url, String procedures, String name, String segments) {
        String body = "{\"url\":\"" + url + "\",\"procedureNames\":" + procedures + (name == null ? "" : ",\"name\":" + name)
                + (segments == null ? "" : ",\"segments\":" + segments) + ",\"trustKey\":\"" + KEY + "\"}";
        HttpResponse<String> response = postWorkers(body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Matcher matcher = ID.matcher(response.body());
        assertThat(matcher.matches()).as(response.body()).isTrue();
        return matcher.group(1);
    }

    /** A valid registration of procedure {@code bad/labels} but for its name and segments (JSON, or {@code null} to leave out). */
    private static String labelled(String url, String name, String segments) {
        return "{\"url\":\"" + url + "\",\"procedureNames\":[\"bad/labels\"]" + (name == null ? "" : ",\"name\":" + name)
                + (segments == null ? "" : ",\"segments\":" + segments) + ",\"trustKey\":\"" + KEY + "\"}";
    }

    /** The JSON object of registration {@code id}'s worker in {@code GET /cluster}, or empty when it is not there. */
    private static String clusterEntry(String view, String id) {
        Matcher entry = Pattern.compile("\\{\"id\":\"" + PublicWorkerId.of(id) + "\"[^{}]*}").matcher(view);
        return entry.find() ? entry.group() : "";
    }

    private static int procedureCount(String view) {
        Matcher count = Pattern.compile("\"procedures\":(\\d+)}$").matcher(view);
        assertThat(count.find()).as(view).isTrue();
        return Integer.parseInt(count.group(1));
    }

    private static String registration(String url, String procedures, String key) {
        return "{\"url\":\"" + url + "\",\"procedureNames\":" + procedures + ",\"trustKey\":\"" + key + "\"}";
    }

    private HttpResponse<String> report(String id, String state) {
        return send(request("workers/" + id + "/report").header(KEY_HEADER, KEY).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"state\":\"" + state + "\"}")));
    }

    /** The JSON object of one worker in {@code GET /workers}, or empty when it is not registered. */
    private String workerEntry(String id) {
        HttpResponse<String> list = send(request("workers").header(KEY_HEADER, KEY).GET());
        assertThat(list.statusCode()).isEqualTo(200);
        Matcher entry = Pattern.compile("\\{[^{}]*\"id\":\"" + id + "\"[^{}]*}").matcher(list.body());
        return entry.find() ? entry.group() : "";
    }

    private HttpResponse<String> postWorkers(String json) {
        return Http.postJson(Deployments.url(base, "workers"), json);
    }

    private HttpResponse<String> rpc(String pathAndQuery) {
        return Http.get(Deployments.url(base, "rpc/" + pathAndQuery));
    }

    private HttpResponse<String> postRpc(String procedure, String json) {
        return Http.postJson(Deployments.url(base, "rpc/" + procedure), json);
    }

    private HttpRequest.Builder request(String path) {
        return Http.request(Deployments.url(base, path));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        return Http.send(request.build());
    }

    private static HttpResponse<byte[]> sendForBytes(HttpRequest.Builder request) {
        try {
            return BYTES_CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void assertBadRequest(HttpResponse<String> response, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).startsWith("{\"message\":\"" + message).contains("\"status\":400");
    }

    /**
     * A GET written by hand, because the JDK client refuses to send {@code Connection} and
     * {@code Upgrade}. Returns the status line; {@code Connection: close} ends the response.
     */
    private String rawGet(String path, String... headers) {
        try (Socket socket = new Socket("127.0.0.1", base.getPort())) {
            socket.setSoTimeout(30_000);
            StringBuilder request = new StringBuilder("GET " + URI.create(Deployments.url(base, path)).getRawPath()
                    + " HTTP/1.1\r\nHost: 127.0.0.1:" + base.getPort() + "\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            return response.substring(0, response.indexOf("\r\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
