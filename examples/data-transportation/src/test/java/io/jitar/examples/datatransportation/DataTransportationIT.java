package io.jitar.examples.datatransportation;

import static org.assertj.core.api.Assertions.assertThat;

import io.jitar.testing.Deployments;
import io.jitar.testing.Http;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Segments {@code account} and {@code helpdesk} in one standalone process; README.md runs them apart. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DataTransportationIT {

    /** The whole answer of register; only the moment of creation varies. */
    private static final Pattern REGISTRATION = Pattern.compile(
            Pattern.quote("{\"account\":{\"firstName\":\"John\",\"lastName\":\"Doe\"},\"created\":\"") + "([^\"]+)\"}");

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar("data-transportation");
    }

    @Test
    void registersWithTheAccountOfTheOtherSegment() {
        Instant before = Instant.now();
        HttpResponse<String> response = Http.get(Deployments.url(base, "rpc/helpdesk/register?firstName=John&lastName=Doe"));
        Instant after = Instant.now();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Jitar-Content-Type")).hasValue("application/json");
        Matcher registration = REGISTRATION.matcher(response.body());
        assertThat(registration.matches()).as(response.body()).isTrue();
        assertThat(Instant.parse(registration.group(1))).isBetween(before, after);
    }

    @Test
    void createsAnAccount() {
        HttpResponse<String> response = Http.get(Deployments.url(base, "rpc/account/createAccount?firstName=John&lastName=Doe"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"firstName\":\"John\",\"lastName\":\"Doe\"}");
    }

    @Test
    void takesTheNamesFromAJsonBody() {
        HttpResponse<String> response = Http.postJson(Deployments.url(base, "rpc/account/createAccount"),
                "{\"firstName\":\"Jane\",\"lastName\":\"Roe\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"firstName\":\"Jane\",\"lastName\":\"Roe\"}");
    }

    @Test
    void refusesABlankName() {
        HttpResponse<String> response = Http.get(Deployments.url(base, "rpc/helpdesk/register?firstName=%20&lastName=Doe"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"message\":\"Parameter 'firstName' must not be blank\","
                + "\"status\":400,\"type\":\"io.jitar.errors.BadRequestException\"}");
    }
}
