package io.jitar.ear;

import static org.assertj.core.api.Assertions.assertThat;

import io.jitar.testing.Http;
import io.jitar.testing.Poll;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The EAR ({@code target/jitar.ear}: worker at /worker, gateway at /gateway, repository at
 * /repository, proxy at /) on a real Payara Server 6, in a domain of its own under
 * {@code target/payara-domains} on free loopback ports ({@link PayaraServerDomain}). The four
 * services are configured as the README says: server system properties set with
 * {@code asadmin create-system-properties}, read by MicroProfile Config. The domain is stopped in
 * {@link #stopServer()}, also when something failed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EarOnPayaraServerIT {

    private static final Duration REGISTRATION_TIMEOUT = Duration.ofSeconds(60);
    private static final String WORKER_NAME = "ear-worker";
    private static final String TRUST_KEY = "ear-" + UUID.randomUUID();
    private static final String CHECKS_OF_THE_FOUR_WARS = "jitar-gateway, jitar-worker, jitar-repository, jitar-proxy";

    private static PayaraServerDomain server;
    private static String base;

    @RegisterExtension
    static final TestWatcher SERVER_LOG_ON_FAILURE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (server != null) {
                System.err.println("--- last lines of " + server.serverLog() + " ---\n" + server.logTail(60));
            }
        }
    };

    @BeforeAll
    static void deployEar() {
        Path home = Path.of(System.getProperty("payara.server.home", "target/payara6")).toAbsolutePath();
        Path ear = Path.of(System.getProperty("jitar.ear", "target/jitar.ear")).toAbsolutePath();
        long begin = System.nanoTime();
        try {
            server = PayaraServerDomain.create(home, Path.of("target", "payara-domains").toAbsolutePath());
            base = "http://127.0.0.1:" + server.httpPort();
            log("create-domain (portbase %d: admin %d, http %d)", begin, server.portBase(), server.adminPort(), server.httpPort());

            long phase = System.nanoTime();
            server.start();
            log("start-domain", phase);

            phase = System.nanoTime();
            server.asadmin("create-system-properties", systemProperties(settings()));
            log("create-system-properties", phase);

            phase = System.nanoTime();
            server.asadmin("deploy", "--name", "jitar", ear.toString());
            log("deploy " + ear.getFileName(), phase);
        } catch (RuntimeException | Error e) {
            throw new AssertionError("Payara Server with the EAR did not come up: " + e.getMessage()
                    + (server == null ? "" : "\n--- last lines of " + server.serverLog() + " ---\n" + server.logTail(60)), e);
        }
        log("server up with the EAR deployed", begin);
    }

    /**
     * What the four WARs read (one JVM: every key is visible to every WAR; each reads its own).
     * Not {@code jitar.root-package}: it is the application's own setting, in its WAR's
     * {@code microprofile-config.properties}, which Payara Server ignores inside an EAR; the worker
     * reads that file itself, and the call to {@code lobby/greet} below proves it.
     */
    private static Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("jitar.trust-key", TRUST_KEY);
        settings.put("jitar.url", base + "/worker");
        settings.put("jitar.worker.gateway", base + "/gateway");
        settings.put("jitar.worker.report-interval", "1s");
        settings.put("jitar.worker.name", WORKER_NAME);
        settings.put("jitar.proxy.gateway", base + "/gateway");
        settings.put("jitar.proxy.repository", base + "/repository");
        return settings;
    }

    /** {@code a=1:b=http\://host} — asadmin separates properties with ':', so a ':' in a value is escaped. */
    private static String systemProperties(Map<String, String> settings) {
        return settings.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().replace("\\", "\\\\").replace(":", "\\:").replace("=", "\\="))
                .collect(Collectors.joining(":"));
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            long begin = System.nanoTime();
            server.close();
            log("stop-domain", begin);
        }
    }

    @Test
    @Order(1)
    void serverListensOnLoopbackOnlyWithHazelcastAndPhoneHomeOff() {
        Optional<List<InetSocketAddress>> sockets = server.listeningSockets();
        System.out.println("Payara Server (PID " + server.pid().orElse(-1) + ") listens on " + sockets.map(Object::toString)
                .orElse("(unknown: no /proc)"));
        sockets.ifPresent(listening -> {
            assertThat(listening).as("listening sockets").isNotEmpty()
                    .allSatisfy(socket -> assertThat(socket.getAddress().isLoopbackAddress())
                            .as("%s is a loopback address", socket).isTrue());
            assertThat(listening).extracting(InetSocketAddress::getPort)
                    .contains(server.httpPort(), server.adminPort())
                    // Hazelcast (N+49, N+59), the JMS broker (N+76) and JMX (N+86) are off
                    .doesNotContain(server.portBase() + 49, server.portBase() + 59, server.portBase() + 76,
                            server.portBase() + 86);
        });
        assertThat(server.asadmin("get", "configs.config.server-config.hazelcast-config-specific-configuration.enabled"))
                .contains("hazelcast-config-specific-configuration.enabled=false");
        assertThat(server.asadmin("list-phone-home")).contains("Phone Home Service is disabled");
        assertThat(server.asadmin("list-jvm-options")).contains("-Dhazelcast.phone.home.enabled=false", "-Xmx384m");
    }

    @Test
    @Order(2)
    void serverRootReadinessIsUpWithTheChecksOfAllFourWars() {
        HttpResponse<String> ready = Http.get(base + "/health/ready");

        assertThat(ready.statusCode()).as("GET /health/ready: %s", ready.body()).isEqualTo(200);
        // One WAR that failed to deploy would be missing here (readiness aggregates what is deployed).
        assertThat(ready.body()).as("the readiness checks of " + CHECKS_OF_THE_FOUR_WARS)
                .contains("\"status\":\"UP\"", "\"jitar-gateway\"", "\"jitar-worker\"", "\"jitar-repository\"", "\"jitar-proxy\"");
    }

    @Test
    @Order(3)
    void repositoryServesItsIndexAtItsContextRoot() {
        HttpResponse<String> index = Http.get(base + "/repository/");

        assertThat(index.statusCode()).as("GET /repository/: %s", index.body()).isEqualTo(200);
        assertThat(index.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(index.body()).containsIgnoringCase("<!DOCTYPE html>").contains("<title>Jitar repository</title>");
    }

    @Test
    @Order(4)
    void proxyServesTheRepositoryIndexAtTheServerRoot() {
        HttpResponse<String> direct = Http.get(base + "/repository/");
        HttpResponse<String> proxied = Http.get(base + "/");

        assertThat(proxied.statusCode()).as("GET / through the proxy: %s", proxied.body()).isEqualTo(200);
        assertThat(proxied.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(proxied.body()).isEqualTo(direct.body());
    }

    /** Last on purpose: the whole chain proxy (/) → gateway (/gateway) → worker (/worker). */
    @Test
    @Order(5)
    void rpcThroughTheProxyReachesTheWorkerThroughTheGateway() {
        String url = base + "/rpc/lobby/greet?name=Ear";
        AtomicReference<HttpResponse<String>> last = new AtomicReference<>();
        long begin = System.nanoTime();
        try {
            // 404 until the worker has registered its procedures at the gateway
            Poll.until("GET " + url + " to answer 200", REGISTRATION_TIMEOUT, () -> {
                HttpResponse<String> response = Http.get(url);
                last.set(response);
                return response.statusCode() == 200;
            });
        } catch (AssertionError e) {
            HttpResponse<String> response = last.get();
            throw new AssertionError(e.getMessage() + "; last answer: "
                    + (response == null ? "none" : response.statusCode() + " " + response.body())
                    + "; the gateway's workers: " + workers(), e);
        }
        log("worker reachable through proxy and gateway", begin);
        HttpResponse<String> hello = last.get();

        assertThat(hello.body()).matches("\\{\"message\":\"Hello Ear\",\"number\":\\d+}");
        assertThat(hello.headers().firstValue("X-Jitar-Worker")).as("X-Jitar-Worker (the worker answered)").hasValue(WORKER_NAME);
        // It went through the gateway: the worker registered there with its URL under /worker.
        assertThat(workers()).contains("\"url\":\"" + base + "/worker\"").contains("lobby/greet");
    }

    private static String workers() {
        HttpResponse<String> response = Http.send(Http.request(base + "/gateway/workers")
                .header("X-Jitar-Trust-Key", TRUST_KEY).GET().build());
        return response.statusCode() + " " + response.body();
    }

    private static void log(String phase, long beginNanos, Object... args) {
        System.out.printf("[ear-it] %s: %d ms%n", String.format(phase, args),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - beginNanos));
    }
}
