package io.jitar.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jitar.testing.FreePorts;
import io.jitar.testing.Http;
import io.jitar.testing.PayaraProcess;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A wrong configuration value, here from an environment variable, stops the deployment with a
 * message naming the key, and ops tooling sees the gateway DOWN. A real process, because a failed
 * deployment is invisible to Arquillian.
 */
class GatewayConfigIT {

    @Test
    void badValueStopsTheDeploymentNamingTheKey() {
        Path war = Path.of("target", "gateway.war");
        Map<String, String> environment = Map.of("JITAR_GATEWAY_REQUEST_TIMEOUT", "soon");

        try (PayaraProcess payara = PayaraProcess.start("gateway-bad-config", war, FreePorts.next(), environment)) {
            payara.awaitLog("Payara Micro", Duration.ofSeconds(120))
                    .awaitLog("Jitar gateway configuration", Duration.ofSeconds(120));
            HttpResponse<String> health = Http.get(payara.url() + "/health");
            HttpResponse<String> workers = Http.get(payara.url() + "/workers");

            assertThat(payara.log()).contains("Jitar gateway configuration: Invalid duration for "
                    + "'jitar.gateway.request-timeout': 'soon'; write it like 500ms, 5s, 2m or 1h");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("\"status\":\"DOWN\"");
            assertThat(workers.statusCode()).isEqualTo(404);
        }
    }
}
