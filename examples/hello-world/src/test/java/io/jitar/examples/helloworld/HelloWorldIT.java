package io.jitar.examples.helloworld;

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

@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HelloWorldIT {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar("hello-world");
    }

    @Test
    void saysHelloToTheNameInTheQuery() {
        HttpResponse<String> response = Http.get(Deployments.url(base, "rpc/sayHello?name=John"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("Hello John");
        assertThat(response.headers().firstValue("X-Jitar-Content-Type")).hasValue("text/plain");
    }

    @Test
    void nameDefaultsToWorld() {
        HttpResponse<String> response = Http.get(Deployments.url(base, "rpc/sayHello"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("Hello World");
    }

    @Test
    void takesTheNameFromAJsonBody() {
        HttpResponse<String> response = Http.postJson(Deployments.url(base, "rpc/sayHello"), "{\"name\":\"Jane\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("Hello Jane");
    }
}
