package io.jitar.clustertest;

import static org.assertj.core.api.Assertions.assertThat;

import io.jitar.testing.Http;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The local cluster exactly as {@code ./run cluster} starts it (server-config's script): repository,
 * gateway, two workers of the access-protection example (public and protected segment), proxy.
 * Everything goes through the proxy, the one public entry.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalClusterScriptIT {

    private static final String TRUST_KEY = "script-test-key";

    private ClusterScript cluster;
    private Map<String, ClusterScript.Service> services;

    @BeforeAll
    void startCluster() throws Exception {
        cluster = ClusterScript.start("access-protection", Map.of("JITAR_TRUST_KEY", TRUST_KEY, "JITAR_PROXY_TIMEOUT", "3s",
                "GAME_SECRET", "42"));
        services = cluster.services();
        assertThat(services).containsOnlyKeys("repository", "gateway", "worker1", "worker2", "proxy");
    }

    @AfterAll
    void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    private String proxy(String path) {
        return services.get("proxy").url() + path;
    }

    /** Every HTTP setting is given before boot, so no service's listener is restarted while it starts. */
    @Test
    @Order(0)
    void everyServiceStartedItsListenerOnce() throws IOException {
        for (String name : services.keySet()) {
            String log = Files.readString(ClusterScript.ROOT.resolve("target/local-cluster/" + name + ".log"), StandardCharsets.ISO_8859_1);
            assertThat(log.split("Network Listener http-listener started in", -1)).as(name).hasSize(2);
            assertThat(Http.get(services.get(name).url() + "/health/ready").statusCode()).as(name).isEqualTo(200);
        }
    }

    @Test
    @Order(1)
    void servesAssetsThroughTheProxy() {
        HttpResponse<String> index = Http.get(proxy("/"));

        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(index.body()).contains("<html").contains("Jitar");
    }

    @Test
    @Order(2)
    void runsProceduresThroughProxyGatewayAndBothWorkers() {
        HttpResponse<String> right = Http.get(proxy("/rpc/web/guessSecret?secret=42"));
        HttpResponse<String> wrong = Http.get(proxy("/rpc/web/guessSecret?secret=7"));

        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(right.body()).isEqualTo("Congratulations!");
        assertThat(right.headers().firstValue("X-Jitar-Worker")).hasValue("worker1");
        assertThat(wrong.body()).isEqualTo("Sorry, try again!");
    }

    @Test
    @Order(3)
    void theProxyStripsTheTrustKeySoOutsidersNeverReachProtectedProcedures() {
        String path = "/rpc/game/checkSecret?secret=42";
        HttpResponse<String> throughProxy = Http.send(Http.request(proxy(path)).header("X-Jitar-Trust-Key", TRUST_KEY).GET().build());
        HttpResponse<String> insideTheDmz = Http.send(Http.request(services.get("gateway").url() + path)
                .header("X-Jitar-Trust-Key", TRUST_KEY).GET().build());

        assertThat(throughProxy.statusCode()).isEqualTo(401);
        assertThat(throughProxy.body()).contains("requires a valid trust key");
        assertThat(insideTheDmz.statusCode()).isEqualTo(200);
        assertThat(insideTheDmz.body()).isEqualTo("true");
    }

    @Test
    @Order(4)
    void aGatewayThatDoesNotAnswerGives504() {
        ProcessHandle gateway = ProcessHandle.of(services.get("gateway").pid()).orElseThrow();
        Signals.send(gateway, "STOP");
        try {
            Instant start = Instant.now();
            HttpResponse<String> response = Http.get(proxy("/rpc/web/guessSecret?secret=1"));
            Duration took = Duration.between(start, Instant.now());

            assertThat(response.statusCode()).isEqualTo(504);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
            assertThat(response.body()).contains("\"status\":504");
            assertThat(took).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(15));
        } finally {
            Signals.send(gateway, "CONT");
        }
    }

    @Test
    @Order(5)
    void aGatewayThatIsDownGives502() throws Exception {
        ProcessHandle gateway = ProcessHandle.of(services.get("gateway").pid()).orElseThrow();
        gateway.destroyForcibly();
        gateway.onExit().get(30, TimeUnit.SECONDS);

        HttpResponse<String> response = Http.get(proxy("/rpc/web/guessSecret?secret=1"));
        HttpResponse<String> asset = Http.get(proxy("/"));

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).contains("\"status\":502");
        assertThat(asset.statusCode()).as("assets still served while the gateway is down").isEqualTo(200);
    }
}
