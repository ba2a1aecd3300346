package io.jitar.examples.multiversion;

import static org.assertj.core.api.Assertions.assertThat;

import io.jitar.testing.Deployments;
import io.jitar.testing.Http;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MultiVersionIT {

    private static final String UUID = "f507cf82-ca51-4a42-8c20-ce5c7c42a77e";
    private static final String TRUST_KEY = "MY_VERY_SECRET_KEY";

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar("multi-version");
    }

    @Test
    void version1AnswersWithTheEmployeeById() {
        HttpResponse<String> response = call("rpc/getEmployee?id=1", "1.0.0", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"id\":1,\"name\":\"John Doe\",\"age\":42}");
        assertThat(response.headers().firstValue("X-Jitar-Content-Type")).hasValue("application/json");
    }

    @Test
    void version2WithTheTrustKeyAnswersWithTheEmployeeByUuid() {
        HttpResponse<String> response = call("rpc/getEmployee?uuid=" + UUID, "2.0.0", TRUST_KEY);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"uuid\":\"" + UUID + "\",\"name\":\"John Doe\",\"age\":42,\"address\":\"123 Main St.\"}");
        assertThat(response.headers().firstValue("X-Jitar-Content-Type")).hasValue("application/json");
    }

    @Test
    void version2WithoutTheTrustKeyIsUnauthorized() {
        HttpResponse<String> response = call("rpc/getEmployee?uuid=" + UUID, "2.0.0", null);

        assertUnauthorized(response);
    }

    @Test
    void version2WithAWrongTrustKeyIsUnauthorized() {
        HttpResponse<String> response = call("rpc/getEmployee?uuid=" + UUID, "2.0.0", "NOT_THE_KEY");

        assertUnauthorized(response);
    }

    @Test
    void aVersionBetweenTheTwoGetsTheHighestLowerOne() {
        HttpResponse<String> response = call("rpc/getEmployee?id=7", "1.5", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"id\":7,\"name\":\"John Doe\",\"age\":42}");
    }

    @Test
    void withoutAVersionHeaderNoVersionMatches() {
        // No header means 0.0.0, and both versions are higher: not found, as in the original.
        HttpResponse<String> response = call("rpc/getEmployee?id=1", null, null);

        assertThat(response.statusCode()).isEqualTo(404);
        JsonObject error = json(response);
        assertThat(error.getInt("status")).isEqualTo(404);
        assertThat(error.getString("type")).isEqualTo("io.jitar.errors.NotFoundException");
        assertThat(error.getString("message")).contains("getEmployee").contains("0.0.0");
    }

    @Test
    void anInvalidVersionHeaderIsABadRequestNamingTheVersion() {
        HttpResponse<String> response = call("rpc/getEmployee?id=1", "abc", null);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonObject error = json(response);
        assertThat(error.getInt("status")).isEqualTo(400);
        assertThat(error.getString("type")).isEqualTo("io.jitar.errors.BadRequestException");
        assertThat(error.getString("message")).contains("'abc'");
    }

    private HttpResponse<String> call(String path, String version, String trustKey) {
        HttpRequest.Builder request = Http.request(Deployments.url(base, path)).GET();
        if (version != null) {
            request.header("X-Jitar-Procedure-Version", version);
        }
        if (trustKey != null) {
            request.header("X-Jitar-Trust-Key", trustKey);
        }
        return Http.send(request.build());
    }

    private static void assertUnauthorized(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonObject error = json(response);
        assertThat(error.getInt("status")).isEqualTo(401);
        assertThat(error.getString("type")).isEqualTo("io.jitar.errors.UnauthorizedException");
        assertThat(error.getString("message")).isEqualTo("Procedure 'getEmployee' requires a valid trust key");
        assertThat(response.body()).doesNotContain("John Doe");
    }

    private static JsonObject json(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }
}
