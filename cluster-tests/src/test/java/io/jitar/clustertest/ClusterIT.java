package io.jitar.clustertest;

import static org.assertj.core.api.Assertions.assertThat;

import io.jitar.testing.Http;
import io.jitar.testing.Poll;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A gateway, two workers running the probe and (protected) vault segments, and a third worker
 * running the front segment, which calls the vault remotely. One cluster for the whole class
 * (each start costs ~10 s); the destructive tests run last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final Duration REPORT_INTERVAL = Duration.ofSeconds(1);

    private LocalCluster cluster;

    @BeforeAll
    void startCluster() {
        // Assigned before anything starts, so @AfterAll stops what did start when a start fails.
        cluster = new LocalCluster(ProbeApplication.war());
        cluster.startGateway()
                .startWorker("alpha", "probe,vault")
                .startWorker("beta", "probe,vault")
                .startWorker("front", "front");
        Poll.until("both probe workers in rotation", Duration.ofSeconds(30),
                () -> served(6).containsAll(List.of("alpha", "beta")));
        Poll.until("the front worker registered", Duration.ofSeconds(30),
                () -> Http.get(rpc("front/relay?label=x")).statusCode() == 200);
    }

    @AfterAll
    void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private String rpc(String path) {
        return cluster.gatewayUrl() + "/rpc/" + path;
    }

    private List<String> served(int calls) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            HttpResponse<String> response = Http.get(rpc("probe/whoAmI"));
            names.add(response.statusCode() == 200 ? response.body() : "status " + response.statusCode());
        }
        return names;
    }

    @Test
    @Order(1)
    void balancesRoundRobinOverTwoWorkers() {
        List<String> names = served(10);

        assertThat(names).containsOnly("alpha", "beta");
        for (int i = 1; i < names.size(); i++) {
            assertThat(names.get(i)).as("call %d alternates", i).isNotEqualTo(names.get(i - 1));
        }
    }

    @Test
    @Order(2)
    void forwardsArgumentsAndAnswersIntact() {
        HttpResponse<String> response = Http.postJson(rpc("probe/add"), "{\"a\":20,\"b\":22}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("42");
        assertThat(response.headers().firstValue("X-Jitar-Content-Type")).hasValue("application/number");
    }

    @Test
    @Order(3)
    void callsAProtectedSegmentOnAnotherWorkerTransparently() {
        HttpResponse<String> relayed = Http.get(rpc("front/relay?label=door"));
        HttpResponse<String> later = Http.get(rpc("front/relayLater?label=gate"));

        assertThat(relayed.statusCode()).isEqualTo(200);
        assertThat(relayed.body()).matches("\\{\"label\":\"door\",\"servedBy\":\"(alpha|beta)\",\"since\":\"2024-02-29\","
                + "\"tags\":\\[\"a\",\"b\"\\],\"value\":\"value-of-door\"}");
        assertThat(later.statusCode()).isEqualTo(200);
        assertThat(later.body()).isEqualTo("value-of-gate");
    }

    @Test
    @Order(4)
    void remoteExceptionIsRethrownWithItsTypeInTheCaller() {
        HttpResponse<String> response = Http.get(rpc("front/trySeal?reason=tests"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("caught VaultSealedException: sealed: tests");
    }

    @Test
    @Order(5)
    void outsidersCannotCallProtectedProcedures() {
        HttpResponse<String> response = Http.get(rpc("vault/reveal?label=door"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("\"message\":\"Procedure 'vault/reveal' requires a valid trust key\"");
    }

    @Test
    @Order(6)
    void clusterViewShowsEachWorkersNameSegmentsAndLoadButNoUrl() {
        HttpResponse<String> view = Http.get(cluster.gatewayUrl() + "/cluster");

        assertThat(view.statusCode()).as("public: no trust key").isEqualTo(200);
        assertThat(view.body())
                .containsPattern("\"name\":\"alpha\",\"segments\":\\[\"probe\",\"vault\"],\"state\":\"available\","
                        + "\"procedures\":\\[[^]]*\"probe/whoAmI\"[^]]*],\"requests\":[1-9]")
                .containsPattern("\"name\":\"beta\",\"segments\":\\[\"probe\",\"vault\"],\"state\":\"available\"")
                .containsPattern("\"name\":\"front\",\"segments\":\\[\"front\"],\"state\":\"available\"")
                .doesNotContain(cluster.workerUrl("alpha"), cluster.workerUrl("front"), "127.0.0.1", "\"url\"");
    }

    @Test
    @Order(7)
    void rogueWorkerRegistrationAndReportsAreRefused() {
        String rogue = "{\"url\":\"http://127.0.0.1:9\",\"procedureNames\":[\"probe/whoAmI\"],\"trustKey\":\"guess\"}";
        String anonymous = "{\"url\":\"http://127.0.0.1:9\",\"procedureNames\":[\"probe/whoAmI\"]}";

        HttpResponse<String> wrongKey = Http.postJson(cluster.gatewayUrl() + "/workers", rogue);
        HttpResponse<String> noKey = Http.postJson(cluster.gatewayUrl() + "/workers", anonymous);
        HttpResponse<String> delete = Http.send(Http.request(cluster.gatewayUrl() + "/workers/anything").DELETE().build());

        assertThat(wrongKey.statusCode()).isEqualTo(401);
        assertThat(noKey.statusCode()).isEqualTo(401);
        assertThat(delete.statusCode()).isEqualTo(401);
        assertThat(wrongKey.body()).startsWith("{").contains("\"status\":401");
        assertThat(served(4)).containsOnly("alpha", "beta");
    }

    @Test
    @Order(8)
    void workerWhoseReadinessIsDownGetsNoTrafficUntilItIsUp() {
        setReady("alpha", false);
        Poll.until("alpha out of rotation", REPORT_INTERVAL.multipliedBy(10), () -> served(6).stream().allMatch("beta"::equals));
        assertThat(served(6)).containsOnly("beta");

        setReady("alpha", true);
        Poll.until("alpha back in rotation", REPORT_INTERVAL.multipliedBy(10), () -> served(4).contains("alpha"));
        assertThat(served(6)).contains("alpha", "beta");
    }

    private void setReady(String worker, boolean ready) {
        HttpResponse<String> response = Http.postJson(cluster.workerUrl(worker) + "/rpc/probe/setReady", "{\"ready\":" + ready + "}");
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    @Order(9)
    void killingAWorkerUnderLoadFailsNoRequestAndItsRestartTakesTrafficAgain() throws Exception {
        try (LoadGenerator load = new LoadGenerator(rpc("probe/add?a=1&b=2"), 4, Duration.ofSeconds(60))) {
            Poll.until("load on both workers", Duration.ofSeconds(20), () -> load.servedBy("alpha") > 50 && load.servedBy("beta") > 50);
            cluster.killWorker("beta");
            int afterKill = load.successes();
            Poll.until("300 more calls after the kill", Duration.ofSeconds(30), () -> load.successes() > afterKill + 300);
            load.close();

            System.out.println("Kill -9 under load: " + load.successes() + " calls, " + load.failures().size() + " failed");
            assertThat(load.failures()).as("failed requests").isEmpty();
        }

        cluster.restartWorker("beta");
        Instant ready = Instant.now();
        Poll.until("restarted beta takes traffic", REPORT_INTERVAL.multipliedBy(5), () -> served(4).contains("beta"));
        System.out.println("Restarted worker took traffic " + Duration.between(ready, Instant.now()).toMillis() + " ms after it was ready");
    }

    @Test
    @Order(10)
    void workersComeBackByThemselvesAfterAGatewayRestart() {
        cluster.killGateway();
        cluster.startGateway();
        Instant ready = Instant.now();

        Poll.until("workers re-registered", REPORT_INTERVAL.multipliedBy(5),
                () -> served(6).containsAll(List.of("alpha", "beta")) && Http.get(rpc("front/relay?label=x")).statusCode() == 200);
        System.out.println("Workers were back " + Duration.between(ready, Instant.now()).toMillis() + " ms after the gateway was ready");
        assertThat(Http.get(rpc("front/trySeal?reason=again")).body()).isEqualTo("caught VaultSealedException: sealed: again");
    }

}
