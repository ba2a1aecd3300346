package io.jitar.clustertest;

import static org.assertj.core.api.Assertions.assertThat;

import io.jitar.testing.FreePorts;
import io.jitar.testing.Http;
import io.jitar.testing.PayaraProcess;
import io.jitar.testing.Poll;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * No single point of failure: two gateways share one registry in a loopback data grid, two workers
 * and a proxy are given both. A gateway killed under load costs no call; restarted, it rejoins and
 * knows every worker without any of them registering again; a worker that dies while a gateway is
 * down is gone everywhere once its lease expires. The timeline is printed for the README.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayGridIT {

    private static final String KEY = LocalCluster.TRUST_KEY;
    private static final Duration STOPPED_THRESHOLD = Duration.ofSeconds(8);
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");

    private final PayaraProcess.Grid grid = PayaraProcess.Grid.of(2);
    private final int[] gatewayPorts = {FreePorts.next(), FreePorts.next()};
    private final PayaraProcess[] gateways = new PayaraProcess[2];
    private final Map<String, PayaraProcess> workers = new LinkedHashMap<>();
    private final List<String> timeline = new ArrayList<>();
    private PayaraProcess proxy;
    private long startedAt;

    @BeforeAll
    void startCluster() {
        startedAt = System.nanoTime();
        startGateway(0);
        startGateway(1);
        Poll.until("both gateways in one grid", Duration.ofSeconds(60), () -> gridMembers(0) == 2 && gridMembers(1) == 2);
        note("both gateways share the grid");
        String both = gatewayUrl(0) + "," + gatewayUrl(1);
        for (String name : List.of("alpha", "beta")) {
            workers.put(name, PayaraProcess.launch(name, ProbeApplication.war(), FreePorts.next(), port -> Map.of(
                    "JITAR_WORKER_GATEWAY", both, "JITAR_URL", "http://127.0.0.1:" + port, "JITAR_WORKER_SEGMENTS", "probe",
                    "JITAR_WORKER_NAME", name, "JITAR_TRUST_KEY", KEY, "JITAR_WORKER_REPORT_INTERVAL", "1s"),
                    LocalCluster.START_LIMIT));
        }
        proxy = PayaraProcess.launch("grid-proxy", ProbeApplication.proxyWar(), FreePorts.next(), port -> Map.of(
                "JITAR_PROXY_GATEWAY", both, "JITAR_PROXY_REPOSITORY", gatewayUrl(0)), LocalCluster.START_LIMIT);
        Poll.until("both workers at both gateways", Duration.ofSeconds(30),
                () -> workerIds(0).size() == 2 && workerIds(1).size() == 2);
    }

    @AfterAll
    void stopCluster() {
        if (proxy != null) {
            proxy.close();
        }
        workers.values().forEach(PayaraProcess::close);
        for (PayaraProcess gateway : gateways) {
            if (gateway != null) {
                gateway.close();
            }
        }
        System.out.println("Gateway grid timeline:\n  " + String.join("\n  ", timeline));
    }

    private void startGateway(int index) {
        long start = System.nanoTime();
        gateways[index] = PayaraProcess.startInGrid("grid-gateway" + (index + 1), ProbeApplication.gatewayWar(),
                gatewayPorts[index], Map.of("JITAR_TRUST_KEY", KEY, "JITAR_GATEWAY_REGISTRY", "grid",
                        "JITAR_GATEWAY_MONITOR_INTERVAL", "500ms", "JITAR_GATEWAY_UNAVAILABLE_THRESHOLD", "3s",
                        "JITAR_GATEWAY_STOPPED_THRESHOLD", STOPPED_THRESHOLD.toSeconds() + "s"), grid, index)
                .awaitReady(LocalCluster.START_LIMIT);
        note("gateway" + (index + 1) + " ready in " + millis(start) + " ms");
    }

    private String gatewayUrl(int index) {
        return "http://127.0.0.1:" + gatewayPorts[index];
    }

    private int gridMembers(int index) {
        Matcher members = Pattern.compile("\"gridMembers\":\"?(\\d+)").matcher(Http.get(gatewayUrl(index) + "/health/ready").body());
        return members.find() ? Integer.parseInt(members.group(1)) : -1;
    }

    /** The ids the gateway lists (with the trust key), in its order. */
    private List<String> workerIds(int index) {
        HttpResponse<String> list = Http.send(Http.request(gatewayUrl(index) + "/workers").header("X-Jitar-Trust-Key", KEY).GET().build());
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        Matcher id = ID.matcher(list.body());
        while (id.find()) {
            ids.add(id.group(1));
        }
        return ids;
    }

    private void note(String event) {
        timeline.add(String.format("%6.1f s  %s", (System.nanoTime() - startedAt) / 1e9, event));
    }

    private static long millis(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    @Test
    @Order(1)
    void aRegistrationAtEitherGatewayIsVisibleAtTheOtherWithinOneSecondP99() {
        assertThat(workerIds(1)).containsExactlyInAnyOrderElementsOf(workerIds(0));
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int at = i % 2;
            long start = System.nanoTime();
            HttpResponse<String> registered = Http.postJson(gatewayUrl(at) + "/workers", "{\"url\":\"http://127.0.0.1:9/fake-" + i
                    + "\",\"procedureNames\":[\"fake/p" + i + "\"],\"trustKey\":\"" + KEY + "\"}");
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
            Matcher id = ID.matcher(registered.body());
            assertThat(id.find()).isTrue();
            String other = gatewayUrl(1 - at) + "/workers";
            long deadline = start + Duration.ofSeconds(5).toNanos();
            while (!Http.send(Http.request(other).header("X-Jitar-Trust-Key", KEY).GET().build()).body().contains(id.group(1))) {
                assertThat(System.nanoTime()).as("registration %d visible at the other gateway", i).isLessThan(deadline);
                LockSupport.parkNanos(2_000_000);
            }
            delays.add((System.nanoTime() - start) / 1_000_000);
            HttpResponse<String> removed = Http.send(Http.request(gatewayUrl(1 - at) + "/workers/" + id.group(1))
                    .header("X-Jitar-Trust-Key", KEY).DELETE().build());
            assertThat(removed.statusCode()).as("removed at the other gateway: %s", removed.body()).isEqualTo(204);
        }
        Collections.sort(delays);
        long p50 = delays.get(delays.size() / 2);
        long p99 = delays.get(delays.size() - 1);
        note("registration visible at the other gateway (40, incl. the POST): p50 " + p50 + " ms, max " + p99 + " ms");
        assertThat(p99).as("the slowest of 40 (its p99): %s", delays).isLessThan(1_000);
        Poll.until("the fakes removed everywhere", Duration.ofSeconds(10),
                () -> workerIds(0).size() == 2 && workerIds(1).size() == 2);
    }

    @Test
    @Order(2)
    void aWrongTrustKeyIsRefusedByEveryGatewayAndRegistersNowhere() {
        for (int index = 0; index < 2; index++) {
            HttpResponse<String> refused = Http.postJson(gatewayUrl(index) + "/workers",
                    "{\"url\":\"http://127.0.0.1:9/intruder\",\"procedureNames\":[\"probe/add\"],\"trustKey\":\"wrong\"}");
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.body()).isEqualTo("{\"message\":\"Worker registration refused: a valid trust key is required "
                    + "(field 'trustKey' or header X-Jitar-Trust-Key)\",\"status\":401,\"type\":\"io.jitar.errors.UnauthorizedException\"}");
        }
        assertThat(workerIds(0)).hasSize(2);
        assertThat(workerIds(1)).hasSize(2);
    }

    @Test
    @Order(3)
    void killingAGatewayUnderLoadFailsNoCallAndTheOtherKeepsEveryWorker() throws Exception {
        List<String> before = workerIds(1);
        // What lets the proxy resend a call that broke off at a dying gateway: the gateways' word.
        HttpResponse<String> idempotent = Http.get(proxy.url() + "/rpc/probe/add?a=1&b=2");
        assertThat(idempotent.headers().firstValue("X-Jitar-Idempotent")).hasValue("true");
        HttpResponse<String> notIdempotent = Http.postJson(proxy.url() + "/rpc/probe/setReady", "{\"ready\":true}");
        assertThat(notIdempotent.statusCode()).as(notIdempotent.body()).isEqualTo(200);
        assertThat(notIdempotent.headers().firstValue("X-Jitar-Idempotent")).isEmpty();
        try (LoadGenerator load = new LoadGenerator(proxy.url() + "/rpc/probe/add?a=1&b=2", 4, Duration.ofSeconds(90))) {
            Poll.until("load flowing", Duration.ofSeconds(20), () -> load.successes() > 200);
            long killed = System.nanoTime();
            gateways[0].kill();
            note("gateway1 killed (kill -9) under load");
            Poll.until("gateway2 alone in the grid", Duration.ofSeconds(20), () -> gridMembers(1) == 1);
            note("gateway2 sees the grid without gateway1 after " + millis(killed) + " ms");
            int atKill = load.successes();
            // Past the stopped threshold: the workers' reports now reach gateway2, or it would drop them.
            Poll.until("calls past the stopped threshold", STOPPED_THRESHOLD.multipliedBy(3),
                    () -> System.nanoTime() - killed > STOPPED_THRESHOLD.plusSeconds(2).toNanos() && load.successes() > atKill + 500);
            load.close();
            assertThat(load.failures()).as("failed calls at the client").isEmpty();
            assertThat(load.servedBy("alpha")).isPositive();
            assertThat(load.servedBy("beta")).isPositive();
            note(load.successes() + " calls through the proxy, " + (load.successes() - atKill) + " after the kill, 0 failed");
        }
        assertThat(workerIds(1)).containsExactlyElementsOf(before);
        assertThat(Http.get(gatewayUrl(1) + "/cluster").body()).contains("\"name\":\"alpha\"").contains("\"name\":\"beta\"")
                .doesNotContain("\"state\":\"unavailable\"");
    }

    @Test
    @Order(4)
    void theKilledGatewayRejoinsKnowsEveryWorkerWithoutReRegistrationAndTakesTraffic() {
        List<String> known = workerIds(1);
        startGateway(0);
        // Ready means it read the grid: the same registrations, not new ones.
        assertThat(workerIds(0)).containsExactlyInAnyOrderElementsOf(known);
        assertThat(gridMembers(0)).isEqualTo(2);
        note("gateway1 back: knows both workers (same ids) at once");

        HttpResponse<String> direct = Http.get(gatewayUrl(0) + "/rpc/probe/add?a=2&b=3");
        assertThat(direct.statusCode()).as(direct.body()).isEqualTo(200);
        assertThat(direct.body()).isEqualTo("5");
        // The proxy's turns include it again once its down mark (2 s) is over: it forwards some of them.
        Poll.until("gateway1 forwarding the proxy's calls", Duration.ofSeconds(20), () -> {
            for (int i = 0; i < 10; i++) {
                assertThat(Http.get(proxy.url() + "/rpc/probe/add?a=1&b=1").statusCode()).isEqualTo(200);
            }
            return forwarded(0) > 1;
        });
    }

    /** Calls gateway {@code index} forwarded, summed over workers (from its /cluster view). */
    private long forwarded(int index) {
        Matcher requests = Pattern.compile("\"requests\":(\\d+)").matcher(Http.get(gatewayUrl(index) + "/cluster").body());
        long sum = 0;
        while (requests.find()) {
            sum += Long.parseLong(requests.group(1));
        }
        return sum;
    }

    @Test
    @Order(5)
    void aHungGatewayFailsItsHealthProbesAndTheProxySendsItNoCallUntilItAnswersAgain() {
        ProcessHandle first = ProcessHandle.of(gateways[0].pid()).orElseThrow();
        Signals.send(first, "STOP"); // accepts connections, never answers
        try {
            long hung = System.nanoTime();
            Poll.until("the proxy to see one gateway up", Duration.ofSeconds(15), () -> gatewaysUp() == 1);
            note("gateway1 hung (SIGSTOP): the proxy's probes took it out of turn after " + millis(hung) + " ms");
            for (int i = 0; i < 20; i++) {
                long start = System.nanoTime();
                HttpResponse<String> answer = Http.get(proxy.url() + "/rpc/probe/add?a=" + i + "&b=1");
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
                assertThat(answer.body()).isEqualTo(String.valueOf(i + 1));
                assertThat(millis(start)).as("call %d, not sent to the hung gateway", i).isLessThan(2_000);
            }
        } finally {
            Signals.send(first, "CONT");
        }
        Poll.until("both gateways up again at the proxy", Duration.ofSeconds(15), () -> gatewaysUp() == 2);
        note("gateway1 resumed (SIGCONT): back in turn");
    }

    private static long countOf(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1L;
    }

    private int gatewaysUp() {
        Matcher up = Pattern.compile("\"gatewaysUp\":\"?(\\d+)").matcher(Http.get(proxy.url() + "/health/ready").body());
        return up.find() ? Integer.parseInt(up.group(1)) : -1;
    }

    @Test
    @Order(6)
    void aWorkerThatDiesWhileAGatewayIsDownIsGoneEverywhereOnceItsLeaseExpires() {
        gateways[1].kill();
        note("gateway2 killed");
        long died = System.nanoTime();
        workers.get("beta").kill();
        note("worker beta killed while gateway2 is down");
        Poll.until("beta gone at gateway1", STOPPED_THRESHOLD.multipliedBy(3), () -> workerIds(0).size() == 1);
        note("beta removed at gateway1 after " + millis(died) + " ms (stopped threshold and lease: "
                + STOPPED_THRESHOLD.toSeconds() + " s)");
        startGateway(1);
        assertThat(workerIds(1)).as("the grid holds no lease of beta any more").containsExactlyElementsOf(workerIds(0)).hasSize(1);
        HttpResponse<String> answer = Http.get(gatewayUrl(1) + "/rpc/probe/whoAmI");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("alpha");
    }

    @Test
    @Order(7)
    void aGatewayToldToShareItsRegistryWithoutAGridIsNotReadyAndTakesNoRegistration() {
        try (PayaraProcess alone = PayaraProcess.start("gridless-gateway", ProbeApplication.gatewayWar(), FreePorts.next(),
                Map.of("JITAR_TRUST_KEY", KEY, "JITAR_GATEWAY_REGISTRY", "grid"))) {
            // Its readiness never answers 200, so wait for the end of the deployment in the log:
            // while deploying, Payara answers requests with its own error pages.
            alone.awaitLog(") ready in ", LocalCluster.START_LIMIT);
            HttpResponse<String> ready = Http.get(alone.url() + "/health/ready");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).contains("\"status\":\"DOWN\"").contains("\"registry\":\"grid\"")
                    .contains("Payara's data grid is not running in this process");
            // Payara warns on each lookup of a grid that is off: the gateway looks it up once, not per probe.
            long warnings = countOf(alone.log(), "Unable to inject HazelcastInstance");
            for (int i = 0; i < 5; i++) {
                assertThat(Http.get(alone.url() + "/health/ready").statusCode()).isEqualTo(503);
            }
            assertThat(countOf(alone.log(), "Unable to inject HazelcastInstance")).isEqualTo(warnings);
            HttpResponse<String> refused = Http.send(Http.request(alone.url() + "/workers")
                    .header("Content-Type", "application/json").header("X-Jitar-Trust-Key", KEY)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"http://127.0.0.1:9/x\",\"procedureNames\":[\"a/b\"]}")).build());
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.body()).startsWith("{\"message\":\"jitar.gateway.registry=grid, but Payara's data grid is not running")
                    .endsWith("\"status\":503,\"type\":\"io.jitar.gateway.grid.GridUnavailableException\"}");
        }
    }
}
