package io.jitar.gateway.cluster;

import io.jitar.core.http.PassThroughClients;
import io.jitar.errors.BadRequestException;
import org.eclipse.jetty.client.HttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static io.jitar.gateway.cluster.GatewayFixtures.SETTINGS;
import static io.jitar.gateway.cluster.StubWorker.Behaviour.CRASH;
import static io.jitar.gateway.cluster.StubWorker.Behaviour.STALL;
import static io.jitar.gateway.cluster.GatewayFixtures.START;
import static org.assertj.core.api.Assertions.assertThat;

class RequestForwarderTest {

    private static final String GREET = "test/greet";
    private static final Duration DOWN_TIME = Duration.ofSeconds(2);
    private static final Duration REQUEST_TIMEOUT = Duration.ofMillis(300);
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final MutableClock clock = new MutableClock(START);
    private final InMemoryWorkerRegistry registry = new InMemoryWorkerRegistry(clock, SETTINGS);
    private final HttpClient client = PassThroughClients.start("forwarder-test", Duration.ofSeconds(1));
    /** Every attempt the forwarder reported to its meters: worker, outcome, whether it was retried. */
    private final List<String> attempts = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final RequestForwarder forwarder = new RequestForwarder(client, registry,
            new ForwardingSettings(REQUEST_TIMEOUT, DOWN_TIME), clock,
            (procedure, worker, nanos, failure, retried) -> attempts.add(procedure + " " + worker.url().getPort() + " "
                    + (failure == null ? "answered" : failure) + (retried ? " retried" : "") + (nanos > 0 ? "" : " untimed")));
    private final List<StubWorker> stubs = new ArrayList<>();

    @AfterEach
    void stopWorkers() {
        stubs.forEach(StubWorker::close);
        PassThroughClients.stop(client);
    }

    @Test
    void forwardsMethodQueryBodyAndEndToEndHeaders() {
        StubWorker worker = stub("first");
        registry.register(worker.url(), Set.of(GREET));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("X-Jitar-Procedure-Version", List.of("1.2.3"));
        headers.put("Content-Type", List.of("application/json"));
        headers.put("Connection", List.of("keep-alive, X-Private"));
        headers.put("X-Private", List.of("secret"));
        headers.put("Keep-Alive", List.of("timeout=5"));
        headers.put("Host", List.of("gateway.example.com"));

        WorkerAnswer response = answer(forwarder.forward(
                new ForwardedCall(GREET, "POST", "a=1&b=%20x", headers, "{\"a\":1}".getBytes(StandardCharsets.UTF_8))));

        assertThat(response.status()).isEqualTo(200);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("first");
        StubWorker.Received received = worker.last();
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.rawPath()).isEqualTo("/rpc/test/greet");
        assertThat(received.rawQuery()).isEqualTo("a=1&b=%20x");
        assertThat(received.body()).isEqualTo("{\"a\":1}");
        assertThat(received.headers().getFirst("X-Jitar-Procedure-Version")).isEqualTo("1.2.3");
        assertThat(received.headers().getFirst("Content-Type")).isEqualTo("application/json");
        assertThat(received.headers().getFirst("Host")).isEqualTo("127.0.0.1:" + worker.url().getPort());
        assertThat(received.headers()).doesNotContainKeys("X-private", "Keep-alive");
        // A pass-through client adds nothing of its own (Jetty would add both by default).
        assertThat(received.headers()).doesNotContainKeys("Accept-encoding", "User-agent");
    }

    @Test
    void forwardsToWorkerUrlWithAPath() {
        StubWorker worker = stub("first");
        registry.register(URI.create(worker.url() + "rpc/.."), Set.of(GREET));

        answer(forwarder.forward(get(GREET)));

        assertThat(worker.last().rawPath()).isEqualTo("/rpc/test/greet");
        assertThat(worker.last().rawQuery()).isNull();
    }

    @Test
    void picksWorkersRoundRobin() {
        registry.register(stub("first").url(), Set.of(GREET));
        registry.register(stub("second").url(), Set.of(GREET));

        assertThat(List.of(body(GREET), body(GREET), body(GREET), body(GREET)))
                .containsExactly("first", "second", "first", "second");
    }

    @Test
    void passesOnWorkerErrorsWithoutFailover() {
        StubWorker teapot = stub("first");
        StubWorker other = stub("second");
        registry.register(teapot.url(), Set.of(StubWorker.TEAPOT), Set.of(StubWorker.TEAPOT));
        registry.register(other.url(), Set.of(StubWorker.TEAPOT), Set.of(StubWorker.TEAPOT));

        WorkerAnswer response = answer(forwarder.forward(get(StubWorker.TEAPOT)));

        assertThat(response.status()).isEqualTo(418);
        assertThat(other.requests()).isZero();
    }

    @Test
    void refusedConnectionMarksWorkerDownAndFailsOver() {
        RegisteredWorker dead = registry.register(deadUrl(), Set.of(GREET));
        registry.register(stub("live").url(), Set.of(GREET));

        assertThat(body(GREET)).isEqualTo("live");

        assertThat(registry.find(dead.id()).orElseThrow().availability().downMark()).contains(START.plus(DOWN_TIME));
        assertThat(List.of(body(GREET), body(GREET), body(GREET))).containsOnly("live");
    }

    @Test
    void everyCandidateRefusedIsUnavailable() {
        registry.register(deadUrl(), Set.of(GREET));
        registry.register(deadUrl(), Set.of(GREET));

        Throwable failure = failure(forwarder.forward(get(GREET)));

        assertThat(failure).isInstanceOf(NoWorkerAvailableException.class)
                .hasMessage("No worker available for procedure 'test/greet': all 2 available workers failed");
        assertThat(registry.workers()).allSatisfy(worker -> assertThat(worker.availability().downMark()).isPresent());
    }

    @Test
    void onlyCandidateRefusedIsUnavailable() {
        registry.register(deadUrl(), Set.of(GREET));

        assertThat(failure(forwarder.forward(get(GREET))))
                .isInstanceOf(NoWorkerAvailableException.class)
                .hasMessage("No worker available for procedure 'test/greet': its only available worker failed");
    }

    @Test
    void brokenConnectionIsNotRetriedForNonIdempotentProcedure() {
        RegisteredWorker crashing = registry.register(stub("crashing", CRASH).url(), Set.of(GREET));
        StubWorker other = stub("other");
        registry.register(other.url(), Set.of(GREET));

        Throwable failure = failure(forwarder.forward(post(GREET)));

        assertThat(failure).isInstanceOf(WorkerFailedException.class)
                .hasMessage("Worker " + PublicWorkerId.of(crashing.id()) + " failed before answering procedure 'test/greet'; "
                        + "not retried because the procedure is not idempotent");
        assertThat(other.requests()).isZero();
        assertThat(registry.find(crashing.id()).orElseThrow().availability().downMark()).isEmpty();
    }

    @Test
    void brokenConnectionIsRetriedForIdempotentProcedure() {
        StubWorker crashing = stub("crashing", CRASH);
        registry.register(crashing.url(), Set.of(GREET), Set.of(GREET));
        registry.register(stub("other").url(), Set.of(GREET), Set.of(GREET));

        WorkerAnswer response = answer(forwarder.forward(post(GREET)));

        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("other");
        assertThat(crashing.requests()).isEqualTo(1);
        int other = stubs.get(1).url().getPort();
        assertThat(attempts).containsExactly(GREET + " " + crashing.url().getPort() + " BROKEN_AFTER_SENDING retried",
                GREET + " " + other + " answered");
    }

    @Test
    void anAnswerSaysWhetherEveryWorkerOfferingTheProcedureDeclaredItIdempotent() {
        registry.register(stub("first").url(), Set.of(GREET), Set.of(GREET));
        assertThat(answer(forwarder.forward(get(GREET))).idempotent()).isTrue();

        registry.register(stub("second").url(), Set.of(GREET)); // not idempotent here
        assertThat(answer(forwarder.forward(get(GREET))).idempotent()).isFalse();
        assertThat(answer(forwarder.forward(get(GREET))).idempotent()).isFalse();
    }

    @Test
    void metersEveryAttemptTheLastFailureIsNotRetried() {
        URI dead = deadUrl();
        registry.register(dead, Set.of(GREET));

        failure(forwarder.forward(get(GREET)));

        assertThat(attempts).containsExactly(GREET + " " + dead.getPort() + " NOT_CONNECTED");
    }

    @Test
    void slowWorkerTimesOutWithoutRetry() {
        RegisteredWorker slow = registry.register(stub("slow", STALL).url(), Set.of(GREET), Set.of(GREET));
        StubWorker other = stub("other");
        registry.register(other.url(), Set.of(GREET), Set.of(GREET));

        Throwable failure = failure(forwarder.forward(get(GREET)));

        assertThat(failure).isInstanceOf(WorkerTimeoutException.class)
                .hasMessage("Worker " + PublicWorkerId.of(slow.id()) + " did not answer procedure 'test/greet' within 300ms");
        assertThat(other.requests()).isZero();
    }

    @Test
    void countsEveryRequestAWorkerAnsweredInItsLoadWhateverTheStatus() {
        RegisteredWorker first = registry.register(stub("first").url(), Set.of(GREET, StubWorker.TEAPOT));
        RegisteredWorker second = registry.register(stub("second").url(), Set.of(GREET));

        body(GREET);
        body(GREET);
        body(GREET);
        answer(forwarder.forward(get(StubWorker.TEAPOT)));

        long nextSecond = START.getEpochSecond() + 1;
        assertThat(first.load().requests()).isEqualTo(3);
        assertThat(second.load().requests()).isEqualTo(1);
        assertThat(first.load().recentRequests(nextSecond)).isEqualTo(3);
        assertThat(registry.find(first.id()).orElseThrow().load()).isSameAs(first.load());
    }

    @Test
    void refusedConnectionIsNotCountedButTheWorkerThatTookTheRequestIs() {
        RegisteredWorker dead = registry.register(deadUrl(), Set.of(GREET));
        RegisteredWorker live = registry.register(stub("live").url(), Set.of(GREET));

        assertThat(body(GREET)).isEqualTo("live");

        assertThat(dead.load().requests()).isZero();
        assertThat(live.load().requests()).isEqualTo(1);
    }

    @Test
    void requestsThatReachedAWorkerAndFailedAreCounted() {
        RegisteredWorker crashing = registry.register(stub("crashing", CRASH).url(), Set.of(GREET));
        RegisteredWorker slow = registry.register(stub("slow", STALL).url(), Set.of("test/slow"));

        failure(forwarder.forward(post(GREET)));
        failure(forwarder.forward(get("test/slow")));

        assertThat(crashing.load().requests()).isEqualTo(1);
        assertThat(slow.load().requests()).isEqualTo(1);
    }

    @Test
    void unknownProcedureIsNotFound() {
        assertThat(failure(forwarder.forward(get(GREET)))).isInstanceOf(ProcedureNotFoundException.class);
    }

    @Test
    void queryThatIsNotValidInAUriIsABadRequest() {
        registry.register(stub("first").url(), Set.of(GREET));

        Throwable failure = failure(forwarder.forward(new ForwardedCall(GREET, "GET", "a=|", Map.of(), null)));

        assertThat(failure).isInstanceOf(BadRequestException.class).hasMessage("Invalid query string: not a valid URI query");
    }

    private StubWorker stub(String name) {
        return stub(name, StubWorker.Behaviour.ANSWER);
    }

    private StubWorker stub(String name, StubWorker.Behaviour behaviour) {
        StubWorker stub = StubWorker.start(name, behaviour);
        stubs.add(stub);
        return stub;
    }

    private String body(String procedure) {
        return new String(answer(forwarder.forward(get(procedure))).body(), StandardCharsets.UTF_8);
    }

    private static ForwardedCall get(String procedure) {
        return new ForwardedCall(procedure, "GET", null, Map.of(), null);
    }

    private static ForwardedCall post(String procedure) {
        return new ForwardedCall(procedure, "POST", null, Map.of("Content-Type", List.of("application/json")),
                "{}".getBytes(StandardCharsets.UTF_8));
    }

    private static WorkerAnswer answer(CompletableFuture<WorkerAnswer> future) {
        assertThat(future).succeedsWithin(WAIT);
        return future.join();
    }

    private static Throwable failure(CompletableFuture<WorkerAnswer> future) {
        assertThat(future).failsWithin(WAIT);
        return future.handle((response, error) -> io.jitar.core.protocol.ErrorMapping.unwrap(error)).join();
    }

    /** A loopback URL where nothing listens: the port was free a moment ago. */
    private static URI deadUrl() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
