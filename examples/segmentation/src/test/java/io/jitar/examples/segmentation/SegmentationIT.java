package io.jitar.examples.segmentation;

import static org.assertj.core.api.Assertions.assertThat;

import io.jitar.testing.Deployments;
import io.jitar.testing.Http;
import java.net.URL;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Segments {@code data} and {@code process} in one standalone process; README.md runs them apart. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SegmentationIT {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar("segmentation");
    }

    @Test
    void createsTheReportFromTheDataOfTheOtherSegment() {
        HttpResponse<String> response = Http.get(Deployments.url(base, "rpc/reporting/createReport"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("Total: 25, Average: 5");
        assertThat(response.headers().firstValue("X-Jitar-Content-Type")).hasValue("text/plain");
    }

    @Test
    void getsTheData() {
        HttpResponse<String> response = Http.get(Deployments.url(base, "rpc/reporting/getData"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("[1,3,5,7,9]");
    }

    @Test
    void createsStatistics() {
        HttpResponse<String> response = Http.postJson(Deployments.url(base, "rpc/reporting/createStatistics"),
                "{\"data\":[1,2,3,4,5]}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"average\":3.0,\"sum\":15}");
    }

    @Test
    void refusesStatisticsOfNothing() {
        HttpResponse<String> response = Http.postJson(Deployments.url(base, "rpc/reporting/createStatistics"),
                "{\"data\":[]}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"message\":\"Parameter 'data' must contain at least one number\","
                + "\"status\":400,\"type\":\"io.jitar.errors.BadRequestException\"}");
    }
}
