package io.jitar.examples.errorhandling;

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
class ErrorHandlingIT {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar("error-handling");
    }

    @Test
    void exportCatchesTheDatabaseErrorByType() {
        HttpResponse<String> response = Http.get(Deployments.url(base, "rpc/exportData"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("Failed, see log for details");
        assertThat(response.headers().firstValue("X-Jitar-Content-Type")).hasValue("text/plain");
    }

    @Test
    void anUncaughtDatabaseErrorAnswersWithItsTypeAndMessage() {
        HttpResponse<String> response = Http.get(Deployments.url(base, "rpc/getData"));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("{\"message\":\"This is a database error: 'Oops... Something went wrong'\","
                + "\"status\":500,\"type\":\"io.jitar.examples.errorhandling.DatabaseError\"}");
    }
}
