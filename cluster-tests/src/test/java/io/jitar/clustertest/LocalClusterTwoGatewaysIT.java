package io.jitar.clustertest;

import static org.assertj.core.api.Assertions.assertThat;

import io.jitar.testing.Http;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code JITAR_GATEWAYS=2 ./run cluster}: the script starts two gateways sharing one registry in a
 * loopback grid, named {@code gateway1} and {@code gateway2}, and gives workers and proxy both; one
 * of them killed, the proxy's calls go on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalClusterTwoGatewaysIT {

    private static final String TRUST_KEY = "two-gateways-key";

    private ClusterScript cluster;
    private Map<String, ClusterScript.Service> services;

    @BeforeAll
    void startCluster() throws Exception {
        cluster = ClusterScript.start("access-protection", Map.of("JITAR_GATEWAYS", "2", "JITAR_TRUST_KEY", TRUST_KEY,
                "GAME_SECRET", "42"));
        services = cluster.services();
    }

    @AfterAll
    void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    private String guess() {
        HttpResponse<String> answer = Http.get(services.get("proxy").url() + "/rpc/web/guessSecret?secret=42");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return answer.body();
    }

    @Test
    void twoGatewaysShareTheWorkersAndOneCanDieWithoutAFailedCall() throws Exception {
        assertThat(services).containsOnlyKeys("repository", "gateway1", "gateway2", "worker1", "worker2", "proxy");
        for (String gateway : new String[] {"gateway1", "gateway2"}) {
            HttpResponse<String> ready = Http.get(services.get(gateway).url() + "/health/ready");
            assertThat(ready.statusCode()).as(gateway).isEqualTo(200);
            assertThat(ready.body()).as(gateway).contains("\"registry\":\"grid\"").contains("\"gridMembers\":\"2\"")
                    .contains("\"workers\":\"2\"");
        }
        for (int i = 0; i < 4; i++) {
            assertThat(guess()).isEqualTo("Congratulations!");
        }

        ProcessHandle first = ProcessHandle.of(services.get("gateway1").pid()).orElseThrow();
        first.destroyForcibly();
        first.onExit().get(30, TimeUnit.SECONDS);
        for (int i = 0; i < 20; i++) {
            assertThat(guess()).as("call %d after gateway1 died", i).isEqualTo("Congratulations!");
        }
        HttpResponse<String> workers = Http.send(Http.request(services.get("gateway2").url() + "/workers")
                .header("X-Jitar-Trust-Key", TRUST_KEY).GET().build());
        assertThat(workers.body().split("\"id\"", -1)).as(workers.body()).hasSize(3);
    }
}
