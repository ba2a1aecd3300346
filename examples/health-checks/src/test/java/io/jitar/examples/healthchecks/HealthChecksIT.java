package io.jitar.examples.healthchecks;

import static org.assertj.core.api.Assertions.assertThat;

import io.jitar.testing.Deployments;
import io.jitar.testing.Http;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HealthChecksIT {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar("health-checks");
    }

    @Test
    void readinessIncludesTheDatabaseCheckBesideTheWorkers() {
        HttpResponse<String> response = Http.get(serverRoot("health/ready"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject health = json(response);
        assertThat(health.getString("status")).isEqualTo("UP");
        assertThat(statusByName(health))
                .containsEntry("database", "UP")
                .containsEntry("jitar-worker", "UP");
    }

    @Test
    void theDatabaseCheckIsNoLivenessCheck() {
        HttpResponse<String> response = Http.get(serverRoot("health/live"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject health = json(response);
        assertThat(health.getString("status")).isEqualTo("UP");
        assertThat(statusByName(health)).doesNotContainKey("database");
    }

    @Test
    void theOverallHealthIsUp() {
        HttpResponse<String> response = Http.get(serverRoot("health"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject health = json(response);
        assertThat(health.getString("status")).isEqualTo("UP");
        assertThat(statusByName(health)).containsEntry("database", "UP");
    }

    @Test
    void theProcedureReportsTheDatabaseAvailable() {
        HttpResponse<String> response = Http.get(Deployments.url(base, "rpc/isDatabaseAvailable"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("true");
        assertThat(response.headers().firstValue("X-Jitar-Content-Type")).hasValue("application/boolean");
    }

    /** Health endpoints live at the server root on the application's port, never under its context root. */
    private String serverRoot(String path) {
        return "http://127.0.0.1:" + base.getPort() + "/" + path;
    }

    private static Map<String, String> statusByName(JsonObject health) {
        return health.getJsonArray("checks").stream()
                .map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(check -> check.getString("name"), check -> check.getString("status")));
    }

    private static JsonObject json(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }
}
