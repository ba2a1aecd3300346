package io.jitar.proxy.it;

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
 * A proxy configured through environment variables with both RPC targets set does not deploy: the
 * log names the keys and ops tooling sees it DOWN. A real process, because a failed deployment is
 * invisible to Arquillian.
 */
class ProxyMisconfiguredIT {

    @Test
    void bothRpcTargetsStopTheDeploymentNamingTheKeys() {
        Map<String, String> environment = Map.of(
                "JITAR_PROXY_GATEWAY", "http://127.0.0.1:1",
                "JITAR_PROXY_WORKER", "http://127.0.0.1:2",
                "JITAR_PROXY_REPOSITORY", "http://127.0.0.1:3");

        try (PayaraProcess payara = PayaraProcess.start("proxy-misconfigured", Path.of("target/proxy.war"),
                FreePorts.next(), environment)) {
            payara.awaitLog("Payara Micro", Duration.ofSeconds(120))
                    .awaitLog("Jitar proxy configuration", Duration.ofSeconds(120));
            HttpResponse<String> health = Http.get(payara.url() + "/health");
            HttpResponse<String> rpc = Http.get(payara.url() + "/rpc/x");

            assertThat(payara.log()).contains("Jitar proxy configuration: Set exactly one of 'jitar.proxy.gateway' and "
                    + "'jitar.proxy.worker': where the proxy sends /rpc requests; both are set");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("\"status\":\"DOWN\"");
            assertThat(rpc.statusCode()).isEqualTo(404);
        }
    }
}
