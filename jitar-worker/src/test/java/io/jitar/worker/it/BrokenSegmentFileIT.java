package io.jitar.worker.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jitar.testing.FreePorts;
import io.jitar.testing.Http;
import io.jitar.testing.PayaraProcess;
import java.io.File;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.Test;

/**
 * A wrong segment file stops the deployment with a message naming the file, the key and the
 * problem, and ops tooling sees the service DOWN. Started as a real process because a failed
 * deployment is invisible to Arquillian.
 */
class BrokenSegmentFileIT {

    @Test
    void deploymentFailsNamingFileKeyAndProblem() {
        File war = new File("target/broken-segment.war");
        TestApplication.war("broken-segment.war", "broken/shop.json").as(ZipExporter.class).exportTo(war, true);

        try (PayaraProcess payara = PayaraProcess.start("broken-segment", war.toPath(), FreePorts.next(), Map.of())) {
            payara.awaitLog("Payara Micro", Duration.ofSeconds(120))
                    .awaitLog("unknown access level", Duration.ofSeconds(120));
            HttpResponse<String> health = Http.get(payara.url() + "/health");

            assertThat(payara.log()).contains("Segment file 'META-INF/jitar/segments/shop.json', key "
                    + "'io.jitar.worker.testapp.shop.Shop/sum/access': unknown access level 'everyone', "
                    + "expected private, protected or public");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("\"status\":\"DOWN\"");
        }
    }
}
