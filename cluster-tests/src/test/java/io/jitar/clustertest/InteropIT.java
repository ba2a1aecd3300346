package io.jitar.clustertest;

import static org.assertj.core.api.Assertions.assertThat;

import io.jitar.testing.FreePorts;
import io.jitar.testing.Http;
import io.jitar.testing.PayaraProcess;
import io.jitar.testing.Poll;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Our services and the original Jitar ({@value OriginalJitar#VERSION}, from the npm registry) in
 * one cluster, both ways: an original worker behind our gateway, alone and next to one of our
 * workers on the same segment; our worker behind an original gateway (it registers with the
 * original's fields only, reports, and deregisters); our proxy in front of the original gateway.
 * Both gateways have a trust key, so the key travels across the implementations too. Skipped,
 * not failed, where node or npm is missing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InteropIT {

    private static final Duration ROUTED_LIMIT = Duration.ofSeconds(30);

    private OriginalJitar original;
    private LocalCluster cluster;
    private String originalGateway;
    private PayaraProcess proxy;

    private Optional<String> missing;

    @BeforeAll
    void install() {
        missing = OriginalJitar.missingTools();
        if (missing.isPresent()) {
            System.err.println("InteropIT skipped: " + missing.get());
            return;
        }
        original = OriginalJitar.install();
        cluster = new LocalCluster(ProbeApplication.war()).startGateway();
    }

    /** Each test skipped with the reason, so that the report counts and names them (an aborted class shows 0 tests). */
    @BeforeEach
    void requireTheOriginal() {
        Assumptions.assumeTrue(missing.isEmpty(), () -> "Skipped: " + missing.orElseThrow());
    }

    @AfterAll
    void stopAll() {
        if (proxy != null) {
            proxy.close();
        }
        if (cluster != null) {
            cluster.close();
        }
        if (original != null) {
            original.close();
        }
    }

    private static List<String> whoAnswers(String entry, int calls) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            HttpResponse<String> response = Http.get(entry + "/rpc/probe/whoAmI");
            names.add(response.statusCode() == 200 ? response.body() : "status " + response.statusCode());
        }
        return names;
    }

    private static void assertAdds(String entry) {
        HttpResponse<String> sum = Http.postJson(entry + "/rpc/probe/add", "{\"a\":20,\"b\":22}");
        assertThat(sum.statusCode()).as(sum.body()).isEqualTo(200);
        assertThat(sum.body()).isEqualTo("42");
    }

    @Test
    @Order(1)
    void anOriginalWorkerServesBehindOurGateway() {
        original.start("original-worker", "worker", FreePorts.next(), Map.of(
                "JITAR_GATEWAY_URL", cluster.gatewayUrl(), "JITAR_TRUST_KEY", LocalCluster.TRUST_KEY));

        Poll.until("the original worker routed by our gateway", ROUTED_LIMIT,
                () -> whoAnswers(cluster.gatewayUrl(), 1).equals(List.of("original")));

        assertThat(whoAnswers(cluster.gatewayUrl(), 4)).containsOnly("original");
        assertAdds(cluster.gatewayUrl());
        // The original worker's own refusal comes through our gateway as it sent it.
        HttpResponse<String> missing = Http.postJson(cluster.gatewayUrl() + "/rpc/probe/add", "{\"a\":1}");
        assertThat(missing.statusCode()).as(missing.body()).isEqualTo(400);
        assertThat(missing.body()).isEqualTo("Missing value for parameter 'b'");
    }

    @Test
    @Order(2)
    void ourGatewayBalancesOverAnOriginalAndAJavaWorkerOnOneSegment() {
        cluster.startWorker("java", "probe");

        Poll.until("both workers in rotation", ROUTED_LIMIT,
                () -> whoAnswers(cluster.gatewayUrl(), 4).containsAll(List.of("java", "original")));

        List<String> names = whoAnswers(cluster.gatewayUrl(), 10);
        assertThat(names).containsOnly("java", "original");
        assertThat(names.stream().filter("original"::equals).count()).as("round robin: %s", names).isEqualTo(5);
        for (int i = 0; i < 4; i++) {
            assertAdds(cluster.gatewayUrl());
        }
    }

    @Test
    @Order(3)
    void ourWorkerRegistersAtAnOriginalGatewayWithTheOriginalsFieldsAndIsCalledThroughIt() {
        originalGateway = original.start("original-gateway", "gateway", FreePorts.next(),
                Map.of("JITAR_TRUST_KEY", LocalCluster.TRUST_KEY));
        cluster.startWorker("behind-original", "probe", originalGateway);

        // Routed only after its first report: registration and reports both work.
        Poll.until("our worker routed by the original gateway", ROUTED_LIMIT,
                () -> whoAnswers(originalGateway, 1).equals(List.of("behind-original")));

        assertThat(whoAnswers(originalGateway, 4)).containsOnly("behind-original");
        assertAdds(originalGateway);
        // Our worker's 400 JSON comes back through the original gateway unchanged.
        HttpResponse<String> bad = Http.postJson(originalGateway + "/rpc/probe/add", "{\"a\":\"x\",\"b\":1}");
        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
        assertThat(bad.body()).startsWith("{\"message\":\"").contains("'a'").contains("\"status\":400");
        assertThat(cluster.worker("behind-original").log())
                .contains("refused our registration fields (Unknown field 'idempotentProcedureNames'")
                .contains("registering with url, procedureNames and trustKey only")
                .contains("Registered at the gateway as ");
    }

    @Test
    @Order(4)
    void ourProxyForwardsToAnOriginalGateway() {
        String repository = original.start("original-repository", "repository", FreePorts.next(), Map.of());
        proxy = PayaraProcess.launch("proxy-to-original", ProbeApplication.proxyWar(), FreePorts.next(), port -> Map.of(
                "JITAR_PROXY_GATEWAY", originalGateway, "JITAR_PROXY_REPOSITORY", repository), LocalCluster.START_LIMIT);

        assertThat(whoAnswers(proxy.url(), 4)).containsOnly("behind-original");
        assertAdds(proxy.url());
    }

    @Test
    @Order(5)
    void ourWorkerDeregistersFromTheOriginalGatewayWhenItStops() {
        Matcher registered = Pattern.compile("Registered at the gateway as (\\S+)").matcher(cluster.worker("behind-original").log());
        assertThat(registered.find()).isTrue();

        cluster.stopWorker("behind-original");

        // The original logs the removal by id when it gets our DELETE (its health monitor would log no id).
        Poll.until("the original gateway removed our worker", Duration.ofSeconds(10),
                () -> original.log("original-gateway").contains("Removed worker: " + registered.group(1)));
        // The original answers 500 for a procedure whose last worker left (ours: 404, or 503 while one is down).
        HttpResponse<String> gone = Http.get(originalGateway + "/rpc/probe/whoAmI");
        assertThat(gone.statusCode()).as(gone.body()).isEqualTo(500);
        assertThat(gone.body()).isEqualTo("No worker available for procedure 'probe/whoAmI'");
    }
}
