package io.jitar.examples.accessprotection;

import static org.assertj.core.api.Assertions.assertThat;

import io.jitar.testing.Deployments;
import io.jitar.testing.Http;
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

/**
 * Segments {@code public} and {@code protected} in one standalone process, with the trust key of
 * the WAR's configuration and the secret fixed at 123 by arquillian.xml ({@code -Dgame.secret=123}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccessProtectionIT {

    private static final String TRUST_KEY = "MY_VERY_SECRET_KEY";
    private static final String UNAUTHORIZED = "{\"message\":\"Procedure 'game/checkSecret' requires a valid trust key\","
            + "\"status\":401,\"type\":\"io.jitar.errors.UnauthorizedException\"}";
    private static final String NOT_FOUND = "{\"message\":\"Procedure 'game/getSecret' not found\","
            + "\"status\":404,\"type\":\"io.jitar.errors.NotFoundException\"}";

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar("access-protection");
    }

    private HttpResponse<String> post(String fqn, String json, String trustKey) {
        HttpRequest.Builder request = Http.request(Deployments.url(base, "rpc/" + fqn))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (trustKey != null) {
            request.header("X-Jitar-Trust-Key", trustKey);
        }
        return Http.send(request.build());
    }

    @Test
    void theRightGuessWins() {
        HttpResponse<String> response = post("web/guessSecret", "{\"secret\":123}", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("Congratulations!");
        assertThat(response.headers().firstValue("X-Jitar-Content-Type")).hasValue("text/plain");
    }

    @Test
    void aWrongGuessLoses() {
        HttpResponse<String> response = post("web/guessSecret", "{\"secret\":124}", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("Sorry, try again!");
    }

    @Test
    void theProtectedCheckAnswersCallersWithTheTrustKey() {
        HttpResponse<String> right = post("game/checkSecret", "{\"secret\":123}", TRUST_KEY);
        HttpResponse<String> wrong = post("game/checkSecret", "{\"secret\":7}", TRUST_KEY);

        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(right.body()).isEqualTo("true");
        assertThat(right.headers().firstValue("X-Jitar-Content-Type")).hasValue("application/boolean");
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).isEqualTo("false");
    }

    @Test
    void theProtectedCheckRefusesCallersWithoutTheTrustKey() {
        HttpResponse<String> response = post("game/checkSecret", "{\"secret\":123}", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo(UNAUTHORIZED);
    }

    @Test
    void theProtectedCheckRefusesAWrongTrustKey() {
        HttpResponse<String> response = post("game/checkSecret", "{\"secret\":123}", "not-the-key");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo(UNAUTHORIZED);
    }

    @Test
    void thePrivateSecretIsNotThere() {
        HttpResponse<String> withoutKey = Http.get(Deployments.url(base, "rpc/game/getSecret"));
        HttpResponse<String> withKey = Http.send(Http.request(Deployments.url(base, "rpc/game/getSecret"))
                .header("X-Jitar-Trust-Key", TRUST_KEY).GET().build());

        assertThat(withoutKey.statusCode()).isEqualTo(404);
        assertThat(withoutKey.body()).isEqualTo(NOT_FOUND);
        assertThat(withKey.statusCode()).isEqualTo(404);
        assertThat(withKey.body()).isEqualTo(NOT_FOUND);
    }
}
