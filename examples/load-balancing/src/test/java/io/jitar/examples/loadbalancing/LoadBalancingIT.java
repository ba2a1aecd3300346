package io.jitar.examples.loadbalancing;

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

/** The calculator segment standalone; the clustered run (gateway + two workers) is in README.md. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LoadBalancingIT {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar("load-balancing");
    }

    private HttpResponse<String> call(String procedure, String json) {
        return Http.postJson(Deployments.url(base, "rpc/calculator/" + procedure), json);
    }

    private static void assertNumber(HttpResponse<String> response, String expected) {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(expected);
        assertThat(response.headers().firstValue("X-Jitar-Content-Type")).hasValue("application/number");
    }

    @Test
    void adds() {
        assertNumber(call("add", "{\"first\":15,\"second\":27}"), "42");
    }

    @Test
    void subtracts() {
        assertNumber(call("subtract", "{\"first\":12,\"second\":6}"), "6");
    }

    @Test
    void multiplies() {
        assertNumber(call("multiply", "{\"first\":5,\"second\":5}"), "25");
    }

    @Test
    void divides() {
        assertNumber(call("divide", "{\"first\":42,\"second\":6}"), "7");
    }

    @Test
    void dividesToSixteenSignificantDigits() {
        assertNumber(call("divide", "{\"first\":1,\"second\":3}"), "0.3333333333333333");
    }

    @Test
    void takesDecimalArgumentsFromTheQuery() {
        assertNumber(Http.get(Deployments.url(base, "rpc/calculator/add?first=1.5&second=2.25")), "3.75");
    }

    @Test
    void refusesToDivideByZero() {
        HttpResponse<String> response = call("divide", "{\"first\":42,\"second\":0}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"message\":\"Cannot divide by zero: 'second' must not be 0\","
                + "\"status\":400,\"type\":\"io.jitar.errors.BadRequestException\"}");
    }

    @Test
    void refusesAResultThatIsTooLarge() {
        HttpResponse<String> response = call("multiply", "{\"first\":1e300,\"second\":1e300}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"message\":\"The result is too large: its magnitude must be less than 1e309\","
                + "\"status\":400,\"type\":\"io.jitar.errors.BadRequestException\"}");
    }

    @Test
    void roundsATinyResultToZero() {
        assertNumber(call("multiply", "{\"first\":1e-300,\"second\":1e-300}"), "0");
    }

    @Test
    void aMissingArgumentIsABadRequest() {
        HttpResponse<String> response = call("add", "{\"first\":15}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"message\":\"Missing required parameter 'second'\","
                + "\"status\":400,\"type\":\"io.jitar.errors.BadRequestException\"}");
    }
}
