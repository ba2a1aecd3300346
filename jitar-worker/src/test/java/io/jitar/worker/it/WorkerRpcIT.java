package io.jitar.worker.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jitar.testing.Deployments;
import io.jitar.testing.Http;
import io.jitar.testing.RawHttp;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The worker's RPC endpoint on Payara Micro: calls that work, access, versions, errors, middleware. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WorkerRpcIT {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestApplication.war();
    }

    private String rpc(String path) {
        return Deployments.url(base, "rpc/" + path);
    }

    private HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = Http.request(rpc(path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return Http.send(request.build());
    }

    @Test
    void getBindsQueryArgumentsToDeclaredTypes() {
        HttpResponse<String> response = get("shop/sum?numbers=%5B1,2,3%5D");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("6");
        assertThat(response.headers().firstValue("X-Jitar-Content-Type")).hasValue("application/number");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
    }

    @Test
    void postRoundTripsRecordsCollectionsEnumsAndJavaTime() {
        String order = "{\"order\":{\"customer\":\"Ann\",\"delivery\":\"2026-01-31\","
                + "\"items\":[{\"product\":\"apple\",\"quantity\":2}],\"status\":\"NEW\"}}";

        HttpResponse<String> response = Http.postJson(rpc("shop/place"), order);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Jitar-Content-Type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo("{\"customer\":\"Ann\",\"delivery\":\"2026-02-01\","
                + "\"items\":[{\"product\":\"apple\",\"quantity\":2}],\"status\":\"PLACED\"}");
    }

    @Test
    void booleansAndMapsCarryTheirContentType() {
        HttpResponse<String> open = get("shop/isOpen");
        HttpResponse<String> stock = get("shop/stock?minimum=5");

        assertThat(open.statusCode()).isEqualTo(200);
        assertThat(open.body()).isEqualTo("true");
        assertThat(open.headers().firstValue("X-Jitar-Content-Type")).hasValue("application/boolean");
        assertThat(stock.statusCode()).isEqualTo(200);
        assertThat(stock.body()).isEqualTo("{\"pear\":10}");
    }

    @Test
    void completionStageProceduresAnswerWhenTheyComplete() {
        HttpResponse<String> response = get("shop/later?text=soon");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("later: soon");
    }

    @Test
    void queryValuesAreFormDecodedAsUtf8() {
        HttpResponse<String> response = get("shop/later?text=caf%C3%A9+%26+%E2%82%AC%3D1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("later: café & €=1");
    }

    @Test
    void headRunsTheCallAndAnswersItsHeadersWithoutABody() {
        HttpResponse<String> response = Http.send(Http.request(rpc("shop/sum?numbers=%5B1,2,3%5D"))
                .method("HEAD", BodyPublishers.noBody()).build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("X-Jitar-Content-Type")).hasValue("application/number");
        assertThat(response.headers().firstValue("Content-Length")).hasValue("1");
    }

    @Test
    void asynchronousFailureKeepsItsStatusAndType() {
        HttpResponse<String> response = get("shop/laterFailing?reason=empty");

        assertThat(response.statusCode()).isEqualTo(402);
        assertThat(response.body()).isEqualTo("{\"message\":\"empty\",\"status\":402,"
                + "\"type\":\"io.jitar.worker.testapp.shop.OutOfStockException\"}");
    }

    @Test
    void voidProcedureFailuresMapToTheirStatus() {
        assertThat(get("shop/fail?kind=bad")).satisfies(r -> {
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("\"message\":\"kind 'bad' was asked for\"");
        });
        assertThat(get("shop/fail?kind=missing").statusCode()).isEqualTo(404);
        assertThat(get("shop/fail?kind=stock")).satisfies(r -> {
            assertThat(r.statusCode()).isEqualTo(402);
            assertThat(r.body()).contains("\"type\":\"io.jitar.worker.testapp.shop.OutOfStockException\"");
        });
    }

    @Test
    void platformExceptionsAnswerAGeneric500WithoutDetails() {
        HttpResponse<String> response = get("shop/fail?kind=other");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("{\"message\":\"Internal server error\",\"status\":500}");
    }

    @Test
    void protectedProcedureNeedsTheTrustKey() {
        HttpResponse<String> without = get("shop/secret");
        HttpResponse<String> wrong = get("shop/secret", "X-Jitar-Trust-Key", "guess");
        HttpResponse<String> right = get("shop/secret", "X-Jitar-Trust-Key", "test-trust-key");

        assertThat(without.statusCode()).isEqualTo(401);
        assertThat(without.body()).contains("\"message\":\"Procedure 'shop/secret' requires a valid trust key\"");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(right.body()).isEqualTo("s3cret");
    }

    @Test
    void privateProcedureLooksExactlyLikeAnUnknownOne() {
        HttpResponse<String> hidden = get("shop/hidden", "X-Jitar-Trust-Key", "test-trust-key");
        HttpResponse<String> unknown = get("shop/nothing");

        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(hidden.body()).isEqualTo("{\"message\":\"Procedure 'shop/hidden' not found\",\"status\":404,"
                + "\"type\":\"io.jitar.errors.NotFoundException\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("\"message\":\"Procedure 'shop/nothing' not found\"");
    }

    @Test
    void versionHeaderSelectsExactOrHighestLowerVersion() {
        assertThat(get("shop/describe", "X-Jitar-Procedure-Version", "1.0.0").body()).isEqualTo("version one");
        assertThat(get("shop/describe", "X-Jitar-Procedure-Version", "1.9").body()).isEqualTo("version one");
        assertThat(get("shop/describe", "X-Jitar-Procedure-Version", "2.0.0").body()).isEqualTo("version two");
        assertThat(get("shop/describe", "X-Jitar-Procedure-Version", "7").body()).isEqualTo("version two");
        assertThat(get("shop/describe").statusCode()).isEqualTo(404);
    }

    @Test
    void middlewareRunsInPriorityOrderAndOffersOptionalArguments() {
        HttpResponse<String> offered = get("shop/whoAmI");
        HttpResponse<String> explicit = get("shop/whoAmI?user=ann");
        HttpResponse<String> notDeclared = get("shop/isOpen");

        assertThat(offered.statusCode()).isEqualTo(200);
        assertThat(offered.body()).isEqualTo("middleware-user");
        assertThat(offered.headers().firstValue("X-Chain")).hasValue("user,tracing,user-after");
        assertThat(explicit.body()).isEqualTo("ann");
        assertThat(notDeclared.statusCode()).isEqualTo(200);
    }

    @Test
    void optionsIsADryRunThatValidatesButDoesNotRun() {
        int before = Integer.parseInt(get("shop/counter").body());

        HttpResponse<String> dry = Http.send(Http.request(rpc("shop/increment")).method("OPTIONS", BodyPublishers.noBody()).build());
        HttpResponse<String> invalid = Http.send(Http.request(rpc("shop/sum")).method("OPTIONS", BodyPublishers.noBody()).build());

        assertThat(dry.statusCode()).isEqualTo(200);
        assertThat(dry.body()).isEmpty();
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("Missing required parameter 'numbers'");
        assertThat(get("shop/counter").body()).isEqualTo(String.valueOf(before));
    }

    // Bad input: each gets a 4xx with a short JSON error naming the problem.

    @Test
    void badInputMalformedJson() {
        HttpResponse<String> response = Http.postJson(rpc("shop/sum"), "{\"numbers\": [1, 2");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).startsWith("{\"message\":\"Malformed JSON body:");
    }

    @Test
    void badInputBodyThatIsNotAnObject() {
        HttpResponse<String> response = Http.postJson(rpc("shop/sum"), "[1,2,3]");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Request body must be a JSON object of named arguments, found array");
    }

    @Test
    void badInputParametersAreNamed() {
        assertThat(Http.postJson(rpc("shop/sum"), "{}")).satisfies(r -> {
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("Missing required parameter 'numbers'");
        });
        assertThat(Http.postJson(rpc("shop/sum"), "{\"numbers\":[1],\"extra\":1}")).satisfies(r -> {
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("Unknown parameter 'extra'");
        });
        assertThat(Http.postJson(rpc("shop/sum"), "{\"numbers\":\"many\"}")).satisfies(r -> {
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("Invalid value for parameter 'numbers'");
        });
        assertThat(get("shop/stock?minimum=lots")).satisfies(r -> {
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("Invalid value for parameter 'minimum': expected an integer");
        });
    }

    @Test
    void badInputInvalidVersionHeader() {
        HttpResponse<String> response = get("shop/describe", "X-Jitar-Procedure-Version", "one.two");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Invalid version 'one.two'");
    }

    @Test
    void badInputEmptyProcedureName() {
        HttpResponse<String> response = get("");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Procedure name is empty");
    }

    @Test
    void badInputDotDotAndEncodedSlashesNeverReachAProcedure() {
        for (String path : new String[] {"shop/%2e%2e/sum", "shop%2Fsum", "shop/..%2Fsum", "shop/./sum"}) {
            HttpResponse<String> response = get(path + "?numbers=%5B1%5D");
            assertThat(response.statusCode()).as(path).isBetween(400, 404);
            assertThat(response.body()).as(path).doesNotContain("<html").doesNotContain("\tat ");
        }
    }

    @Test
    void badInputUnsupportedMethod() {
        HttpResponse<String> response = Http.send(Http.request(rpc("shop/sum")).PUT(BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json").build());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET, POST, OPTIONS");
        assertThat(response.body()).isEqualTo("{\"message\":\"Method not allowed: use GET, POST or OPTIONS\",\"status\":405}");
    }

    @Test
    void badInputBrokenQueryEscape() { // sent raw: the JDK client refuses such a URI
        String answer = RawHttp.exchange(base.getPort(), "GET " + rpc("shop/later").replaceFirst("^http://[^/]+", "")
                + "?text=%zz HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nConnection: close\r\n\r\n");

        assertThat(RawHttp.statusLine(answer)).isEqualTo("HTTP/1.1 400 Bad Request");
        assertThat(answer).containsIgnoringCase("Content-Type: application/json");
        assertThat(RawHttp.body(answer)).startsWith("{\"message\":\"Malformed query parameter 'text=%zz': ");
    }

    @Test
    void badInputBodyOverTheConfiguredLimit() {
        String numbers = "1,".repeat(3000);
        HttpResponse<String> response = Http.postJson(rpc("shop/sum"), "{\"numbers\":[" + numbers + "1]}");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("Request body is larger than 4096 bytes (jitar.max-body-size)");
    }

    @Test
    void badInputWrongContentType() {
        HttpResponse<String> response = Http.send(Http.request(rpc("shop/sum")).header("Content-Type", "text/plain")
                .POST(BodyPublishers.ofString("{\"numbers\":[1]}")).build());

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.body()).contains("Unsupported Content-Type 'text/plain': send arguments as application/json");
    }

    @Test
    void serviceStaysHealthyAfterBadInput() {
        Http.postJson(rpc("shop/sum"), "{{{{");
        Http.send(Http.request(rpc("shop/sum")).method("PATCH", BodyPublishers.ofString("x")).build());

        HttpResponse<String> health = Http.get(Deployments.url(base, "/").replaceFirst("(//[^/]+)/.*", "$1/health/ready"));
        HttpResponse<String> call = get("shop/sum?numbers=%5B2,2%5D");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").contains("jitar-worker");
        assertThat(call.body()).isEqualTo("4");
    }

    // Standalone, the worker also serves the application's assets, as a repository would.

    @Test
    void standaloneWorkerServesWhitelistedAssets() {
        HttpResponse<String> index = Http.get(Deployments.url(base, "/"));
        HttpResponse<String> css = Http.get(Deployments.url(base, "style.css"));

        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).isEqualTo("<!doctype html><title>Shop</title><h1>Shop</h1>\n");
        assertThat(index.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.body()).isEqualTo("h1 { color: teal; }\n");
        assertThat(css.headers().firstValue("ETag")).isPresent();
    }

    @Test
    void standaloneWorkerRefusesAssetsOutsideTheWhitelist() {
        HttpResponse<String> notListed = Http.get(Deployments.url(base, "notes.txt"));
        HttpResponse<String> missing = Http.get(Deployments.url(base, "missing.html"));
        HttpResponse<String> traversal = Http.get(Deployments.url(base, "%2e%2e/WEB-INF/beans.xml"));

        assertThat(notListed.statusCode()).isEqualTo(404);
        assertThat(notListed.body()).startsWith("{").doesNotContain("not for the public");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(traversal.statusCode()).isBetween(400, 404);
        assertThat(traversal.body()).doesNotContain("beans");
    }
}
