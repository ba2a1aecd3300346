package io.jitar.examples.middleware;

import static org.assertj.core.api.Assertions.assertThat;

import io.jitar.testing.Deployments;
import io.jitar.testing.Http;
import java.net.URI;
import java.net.URL;
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
class MiddlewareIT {

    private static final String LOGGED_BY = "X-Logged-By";

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar("middleware");
    }

    @Test
    void theArgumentMiddlewareSuppliesTheRequiredName() {
        HttpResponse<String> response = Http.get(Deployments.url(base, "rpc/hello"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("Hello, John Doe!");
        assertThat(response.headers().firstValue("X-Jitar-Content-Type")).hasValue("text/plain");
    }

    @Test
    void aNameTheCallerSendsWinsOverTheMiddlewares() {
        HttpResponse<String> query = Http.get(Deployments.url(base, "rpc/hello?name=Jane"));
        HttpResponse<String> body = Http.postJson(Deployments.url(base, "rpc/hello"), "{\"name\":\"Jane\"}");

        assertThat(query.statusCode()).isEqualTo(200);
        assertThat(query.body()).isEqualTo("Hello, Jane!");
        assertThat(body.statusCode()).isEqualTo(200);
        assertThat(body.body()).isEqualTo("Hello, Jane!");
    }

    @Test
    void theLoggingMiddlewareMarksTheResponse() {
        // ping declares no parameter 'name': the optional "*name" argument is dropped, not refused.
        HttpResponse<String> response = Http.get(Deployments.url(base, "rpc/ping"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("pong");
        assertThat(response.headers().firstValue(LOGGED_BY)).hasValue("LoggingMiddleware");
    }

    @Test
    void theRedirectMiddlewareSendsRedirectToPing() {
        // The test client follows no redirects, so the 302 itself is what arrives.
        HttpResponse<String> response = Http.get(Deployments.url(base, "rpc/redirect"));

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.uri().getPath()).endsWith("/rpc/redirect");
        // The middleware sets "/rpc/ping"; JAX-RS may make it absolute against the server root.
        assertThat(response.headers().firstValue("Location")).map(location -> URI.create(location).getPath())
                .hasValue("/rpc/ping");
        assertThat(response.body()).isEqualTo("Redirecting...");
        assertThat(response.headers().firstValue(LOGGED_BY)).hasValue("LoggingMiddleware");
    }
}
