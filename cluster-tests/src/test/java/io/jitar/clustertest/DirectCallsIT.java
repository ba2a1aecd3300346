package io.jitar.clustertest;

import static org.assertj.core.api.Assertions.assertThat;

import io.jitar.testing.FreePorts;
import io.jitar.testing.Http;
import io.jitar.testing.PayaraProcess;
import io.jitar.testing.Poll;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * Direct calls between workers: a caller worker (segment front) calls the protected, idempotent
 * {@code vault/reveal} of two callee workers (segment vault) at their own URLs, with routes
 * long-polled from the gateway; a second caller keeps every call on the gateway
 * ({@code jitar.worker.remote-calls=gateway}) to compare answers. Entry calls go to the callers
 * themselves, so the gateway is on no entry path. Destructive tests run last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DirectCallsIT {

    private static final Duration REPORT_INTERVAL = Duration.ofSeconds(1);
    private static final Pattern SERVED_BY = Pattern.compile("\"servedBy\":\"([^\"]+)\"");

    private LocalCluster cluster;
    private OtlpReceiver collector;
    private PayaraProcess proxy;

    @BeforeAll
    void startCluster() throws Exception {
        collector = new OtlpReceiver();
        cluster = new LocalCluster(ProbeApplication.war());
        cluster.startGateway()
                .startWorker("vault-a", "vault")
                .startWorker("vault-b", "vault")
                .startWorker("caller", "front")
                .startWorker("caller-via-gateway", "front", cluster.gatewayUrl(), Map.of("JITAR_WORKER_REMOTE_CALLS", "gateway",
                        // MicroProfile Telemetry on, exporting to the test's collector on loopback
                        "OTEL_SDK_DISABLED", "false", "OTEL_TRACES_EXPORTER", "otlp", "OTEL_METRICS_EXPORTER", "none",
                        "OTEL_LOGS_EXPORTER", "none", "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
                        "OTEL_EXPORTER_OTLP_ENDPOINT", collector.url(), "OTEL_BSP_SCHEDULE_DELAY", "200"));
        Poll.until("both callees called by the caller", Duration.ofSeconds(30),
                () -> servedBy("caller", 6).containsAll(List.of("vault-a", "vault-b")));
    }

    @AfterAll
    void stopCluster() {
        if (proxy != null) {
            proxy.close();
        }
        if (cluster != null) {
            cluster.close();
        }
        if (collector != null) {
            collector.close();
        }
    }

    /** Which callee answered each of {@code calls} relays made at worker {@code caller}. */
    private List<String> servedBy(String caller, int calls) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            HttpResponse<String> response = Http.get(cluster.workerUrl(caller) + "/rpc/front/relay?label=x");
            Matcher name = SERVED_BY.matcher(response.body());
            names.add(response.statusCode() == 200 && name.find() ? name.group(1) : "status " + response.statusCode());
        }
        return names;
    }

    private String clusterEntry(String worker) {
        String view = Http.get(cluster.gatewayUrl() + "/cluster").body();
        Matcher entry = Pattern.compile("\\{[^{}]*\"name\":\"" + worker + "\"[^{}]*}").matcher(view);
        return entry.find() ? entry.group() : "";
    }

    @Test
    @Order(1)
    void callsGoToTheCalleesDirectlyRoundRobinAndTheGatewayCountsThemFromReports() {
        List<String> names = servedBy("caller", 10);

        assertThat(names).containsOnly("vault-a", "vault-b");
        for (int i = 1; i < names.size(); i++) {
            assertThat(names.get(i)).as("call %d alternates: %s", i, names).isNotEqualTo(names.get(i - 1));
        }
        // The gateway forwarded none of them; the caller reports what it sent with its next report.
        assertThat(clusterEntry("vault-a")).contains("\"requests\":0,");
        Poll.until("the caller's direct calls in the cluster view", REPORT_INTERVAL.multipliedBy(5),
                () -> directRequests("vault-a") >= 8 && directRequests("vault-b") >= 8);
    }

    private long directRequests(String worker) {
        Matcher count = Pattern.compile("\"directRequests\":(\\d+)").matcher(clusterEntry(worker));
        return count.find() ? Long.parseLong(count.group(1)) : -1;
    }

    @Test
    @Order(2)
    void oneTraceRunsFromTheProxyToTheWorkerOfANestedRemoteCall() {
        proxy = PayaraProcess.launch("proxy", ProbeApplication.proxyWar(), FreePorts.next(), port -> Map.of(
                "JITAR_PROXY_GATEWAY", cluster.gatewayUrl(),
                "JITAR_PROXY_REPOSITORY", cluster.gatewayUrl()), LocalCluster.START_LIMIT); // only /rpc is asked here
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String given = "00-" + traceId + "-00f067aa0ba902b7-01";
        Map<String, List<String>> byWorker = new java.util.HashMap<>();
        Poll.until("both callers answered through the proxy", Duration.ofSeconds(30), () -> {
            HttpResponse<String> response = Http.send(Http.request(proxy.url() + "/rpc/front/traces")
                    .header("traceparent", given).header("tracestate", "congo=t61rcWkgMzE").GET().build());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            byWorker.put(response.headers().firstValue("X-Jitar-Worker").orElseThrow(), traceparents(response.body()));
            return byWorker.size() == 2;
        });

        // telemetry off: the context passes proxy -> gateway -> caller -> callee unchanged
        assertThat(byWorker.get("caller")).containsExactly(given, given);
        // telemetry on: the caller's span continues the trace, and its nested call (through the gateway) is its child
        List<String> traced = byWorker.get("caller-via-gateway");
        assertThat(traced.get(0)).matches("00-" + traceId + "-[0-9a-f]{16}-01").isNotEqualTo(given);
        assertThat(traced.get(1)).isEqualTo(traced.get(0));
        Poll.until("the caller's span, named by its procedure, reached the collector", Duration.ofSeconds(20),
                () -> collector.hasSpan(traceId, "jitar.procedure", "front/traces"));

        // no trace came in: the proxy starts one, and the nested call is in it
        HttpResponse<String> fresh = Http.get(proxy.url() + "/rpc/front/traces");
        assertThat(fresh.statusCode()).as(fresh.body()).isEqualTo(200);
        List<String> started = traceparents(fresh.body());
        assertThat(started.get(0)).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01").doesNotContain(traceId);
        assertThat(started.get(1).substring(0, 36)).isEqualTo(started.get(0).substring(0, 36));

        // an invalid traceparent is not continued (and is no error)
        HttpResponse<String> invalid = Http.send(Http.request(proxy.url() + "/rpc/front/traces")
                .header("traceparent", "00-not-a-trace-01").GET().build());
        assertThat(invalid.statusCode()).isEqualTo(200);
        assertThat(traceparents(invalid.body()).get(1)).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }

    private static List<String> traceparents(String body) {
        Matcher values = Pattern.compile("\"([^\"]+)\"").matcher(body);
        List<String> found = new ArrayList<>();
        while (values.find()) {
            found.add(values.group(1));
        }
        return found;
    }

    @Test
    @Order(3)
    void answersAndErrorsAreTheSameDirectAsThroughTheGateway() {
        for (String path : List.of("front/relay?label=door", "front/trySeal?reason=again", "front/relayLater?label=later",
                "front/relay", "front/nothing")) {
            HttpResponse<String> direct = Http.get(cluster.workerUrl("caller") + "/rpc/" + path);
            HttpResponse<String> viaGateway = Http.get(cluster.workerUrl("caller-via-gateway") + "/rpc/" + path);

            assertThat(direct.statusCode()).as(path).isEqualTo(viaGateway.statusCode());
            assertThat(direct.body().replaceAll("vault-[ab]", "vault")).as(path)
                    .isEqualTo(viaGateway.body().replaceAll("vault-[ab]", "vault"));
        }
        assertThat(Http.get(cluster.workerUrl("caller") + "/rpc/front/trySeal?reason=again").body())
                .isEqualTo("caught VaultSealedException: sealed: again");
        assertThat(Http.get(cluster.workerUrl("caller") + "/rpc/front/relayLater?label=later").body()).isEqualTo("value-of-later");
        // A callee's own refusal (no trust key) is what it answers to anyone.
        HttpResponse<String> withoutKey = Http.get(cluster.workerUrl("vault-a") + "/rpc/vault/reveal?label=x");
        assertThat(withoutKey.statusCode()).isEqualTo(401);
        assertThat(Http.get(cluster.gatewayUrl() + "/rpc/vault/reveal?label=x").body()).isEqualTo(withoutKey.body());
    }

    @Test
    @Order(4)
    void killingACalleeUnderLoadFailsNoCallAndItsRestartIsCalledDirectlyAgain() throws Exception {
        try (LoadGenerator load = new LoadGenerator(cluster.workerUrl("caller") + "/rpc/front/relay?label=load", 4,
                Duration.ofSeconds(60))) {
            Poll.until("load running", Duration.ofSeconds(20), () -> load.successes() > 100);
            cluster.killWorker("vault-b");
            int afterKill = load.successes();
            Poll.until("300 more calls after the kill", Duration.ofSeconds(30), () -> load.successes() > afterKill + 300);
            load.close();

            System.out.println("Direct calls, kill -9 of a callee under load: " + load.successes() + " calls, "
                    + load.failures().size() + " failed");
            assertThat(load.failures()).as("failed entry calls").isEmpty();
        }

        cluster.restartWorker("vault-b");
        Instant ready = Instant.now();
        Poll.until("the restarted callee called directly", REPORT_INTERVAL.multipliedBy(5),
                () -> servedBy("caller", 4).contains("vault-b"));
        System.out.println("Restarted callee got direct calls " + Duration.between(ready, Instant.now()).toMillis()
                + " ms after it was ready");
    }

    @Test
    @Order(5)
    void withTheGatewayDownDirectCallsGoOnAndNewRoutesArriveOnceItIsBack() {
        cluster.killGateway();

        assertThat(servedBy("caller", 10)).containsOnly("vault-a", "vault-b");

        cluster.startGateway();
        cluster.startWorker("vault-c", "vault");
        Poll.until("the new callee called directly", REPORT_INTERVAL.multipliedBy(10),
                () -> servedBy("caller", 6).contains("vault-c"));
    }

    @Test
    @Order(6)
    void aCalleeThatLeftTheRegistryIsNoLongerCalled() {
        cluster.stopWorker("vault-c");

        List<String> names = servedBy("caller", 12);
        assertThat(names).containsOnly("vault-a", "vault-b");
    }
}
