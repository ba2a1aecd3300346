package io.jitar.examples.showcase;

import static org.assertj.core.api.Assertions.assertThat;

import io.jitar.testing.Deployments;
import io.jitar.testing.Http;
import io.jitar.testing.PrometheusText;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The showcase standalone (every segment in one process), as {@code ./run standalone showcase}
 * runs it, with the trust key, the vault key and the worker name fixed by arquillian.xml. The
 * clustered run is described in README.md.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ShowcaseIT {

    private static final String TRUST_KEY = "SHOWCASE_TEST_KEY";
    private static final String VAULT_KEY = "showcase-test-vault-key";
    private static final String WORKER = "it-worker";
    private static final String JSON = "application/json";

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar("showcase");
    }

    // ---- segment light: lobby ----

    @Test
    void greetsByNameAndCountsTheGreetings() {
        HttpResponse<String> first = post("lobby/greet", "{\"name\":\"Ada\"}");
        HttpResponse<String> second = post("lobby/greet", "{\"name\":\"  Grace \"}");

        JsonObject one = jsonAnswer(first);
        JsonObject two = jsonAnswer(second);
        assertThat(one.keySet()).containsExactly("message", "number");
        assertThat(one.getString("message")).isEqualTo("Hello Ada");
        assertThat(two.getString("message")).isEqualTo("Hello Grace");
        assertThat(two.getJsonNumber("number").longValue()).isGreaterThan(one.getJsonNumber("number").longValue());
    }

    @Test
    void greetsTheWorldWithoutAName() {
        HttpResponse<String> response = Http.get(rpc("lobby/greet"));

        assertThat(jsonAnswer(response).getString("message")).isEqualTo("Hello World");
    }

    @Test
    void refusesAnOverlongName() {
        assertError(post("lobby/greet", "{\"name\":\"" + "x".repeat(61) + "\"}"), 400,
                "Parameter 'name' must be at most 60 characters", "io.jitar.errors.BadRequestException");
    }

    @Test
    void tellsTheTimeInAZone() {
        JsonObject utc = jsonAnswer(Http.get(rpc("lobby/time")));
        JsonObject amsterdam = jsonAnswer(post("lobby/time", "{\"zone\":\"Europe/Amsterdam\"}"));

        assertThat(utc.keySet()).containsExactly("time", "zone");
        assertThat(utc.getString("zone")).isEqualTo("UTC");
        assertThat(utc.getString("time")).endsWith("Z");
        assertThat(amsterdam.getString("zone")).isEqualTo("Europe/Amsterdam");
        OffsetDateTime time = OffsetDateTime.parse(amsterdam.getString("time"));
        assertThat(time.getOffset().getTotalSeconds()).isIn(3600, 7200);
    }

    @Test
    void refusesAnUnknownZone() {
        assertError(post("lobby/time", "{\"zone\":\"Mars/Olympus_Mons\"}"), 400,
                "Parameter 'zone' must be a time zone such as 'UTC' or 'Europe/Amsterdam'", "io.jitar.errors.BadRequestException");
    }

    // ---- segment heavy: crunch ----

    @Test
    void countsPrimesAsynchronously() {
        JsonObject report = jsonAnswer(post("crunch/primes", "{\"limit\":100}"));

        assertThat(report.keySet()).containsExactly("count", "largest", "limit", "millis", "tail");
        assertThat(report.getInt("limit")).isEqualTo(100);
        assertThat(report.getInt("count")).isEqualTo(25);
        assertThat(report.getInt("largest")).isEqualTo(97);
        assertThat(ints(report.getJsonArray("tail"))).containsExactly(73, 79, 83, 89, 97);
        assertThat(report.getJsonNumber("millis").longValue()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void countsPrimesFromTheQuery() {
        JsonObject report = jsonAnswer(Http.get(rpc("crunch/primes?limit=1000000")));

        assertThat(report.getInt("count")).isEqualTo(78_498);
        assertThat(report.getInt("largest")).isEqualTo(999_983);
    }

    @Test
    void countsTheSmallestPrime() {
        JsonObject report = jsonAnswer(post("crunch/primes", "{\"limit\":2}"));

        assertThat(report.getInt("count")).isEqualTo(1);
        assertThat(ints(report.getJsonArray("tail"))).containsExactly(2);
    }

    @Test
    void refusesTooHeavyPrimeCounts() {
        assertError(post("crunch/primes", "{\"limit\":20000001}"), 400,
                "Parameter 'limit' must be between 2 and 20000000", "io.jitar.errors.BadRequestException");
        assertError(post("crunch/primes", "{\"limit\":1}"), 400,
                "Parameter 'limit' must be between 2 and 20000000", "io.jitar.errors.BadRequestException");
    }

    @Test
    void namesAMissingOrWronglyTypedParameter() {
        assertError(post("crunch/primes", "{}"), 400, "Missing required parameter 'limit'", "io.jitar.errors.BadRequestException");
        HttpResponse<String> wrongType = post("crunch/primes", "{\"limit\":\"many\"}");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(json(wrongType.body()).getString("message")).startsWith("Invalid value for parameter 'limit'");
        assertError(post("crunch/primes", "{\"limit\":10,\"speed\":\"fast\"}"), 400, "Unknown parameter 'speed'",
                "io.jitar.errors.BadRequestException");
    }

    @Test
    void hashesAChainAndHasTheVaultSignIt() throws Exception {
        JsonObject digest = jsonAnswer(post("crunch/hashChain", "{\"text\":\"Jitar\",\"rounds\":3}"));

        String expected = hex(chain("Jitar".getBytes(StandardCharsets.UTF_8), 3));
        assertThat(digest.keySet()).containsExactly("millis", "rounds", "sha256", "signature", "subject");
        assertThat(digest.getString("subject")).isEqualTo("Jitar");
        assertThat(digest.getInt("rounds")).isEqualTo(3);
        assertThat(digest.getString("sha256")).isEqualTo(expected);
        assertSignature(digest.getJsonObject("signature"), expected);
    }

    @Test
    void refusesTooManyRounds() {
        assertError(post("crunch/hashChain", "{\"text\":\"Jitar\",\"rounds\":2000001}"), 400,
                "Parameter 'rounds' must be between 1 and 2000000", "io.jitar.errors.BadRequestException");
        assertError(post("crunch/hashChain", "{\"text\":\"Jitar\",\"rounds\":0}"), 400,
                "Parameter 'rounds' must be between 1 and 2000000", "io.jitar.errors.BadRequestException");
    }

    // ---- segment protected: vault ----

    @Test
    void theVaultSignsForTrustedCallers() throws Exception {
        HttpResponse<String> response = send(postRequest("vault/sign", "{\"text\":\"hello\"}").header("X-Jitar-Trust-Key", TRUST_KEY));

        assertSignature(jsonAnswer(response), "hello");
    }

    @Test
    void theVaultRefusesCallersFromOutside() {
        String unauthorized = "{\"message\":\"Procedure 'vault/sign' requires a valid trust key\",\"status\":401,"
                + "\"type\":\"io.jitar.errors.UnauthorizedException\"}";

        HttpResponse<String> withoutKey = post("vault/sign", "{\"text\":\"hello\"}");
        HttpResponse<String> wrongKey = send(postRequest("vault/sign", "{\"text\":\"hello\"}").header("X-Jitar-Trust-Key", "guess"));

        assertThat(withoutKey.statusCode()).isEqualTo(401);
        assertThat(withoutKey.body()).isEqualTo(unauthorized);
        assertThat(wrongKey.statusCode()).isEqualTo(401);
        assertThat(wrongKey.body()).isEqualTo(unauthorized);
    }

    // ---- segment data: notes (JPA) ----

    @Test
    void storesListsAndReadsNotes() throws Exception {
        String author = "author-" + UUID.randomUUID().toString().substring(0, 8);
        JsonObject first = jsonAnswer(post("notes/add",
                "{\"note\":{\"author\":\"" + author + "\",\"text\":\" First note \",\"tags\":[\"demo\",\" jpa \",\"demo\",\"\"]}}"));
        JsonObject second = jsonAnswer(post("notes/add", "{\"note\":{\"author\":\"" + author + "\",\"text\":\"Second note\"}}"));

        assertThat(first.keySet()).containsExactly("author", "created", "id", "signature", "tags", "text");
        assertThat(first.getString("author")).isEqualTo(author);
        assertThat(first.getString("text")).isEqualTo("First note");
        assertThat(strings(first.getJsonArray("tags"))).containsExactly("demo", "jpa");
        assertThat(strings(second.getJsonArray("tags"))).isEmpty();
        assertThat(OffsetDateTime.parse(first.getString("created"))).isNotNull();
        assertSignature(first.getJsonObject("signature"), author + "\nFirst note");
        long firstId = first.getJsonNumber("id").longValue();
        long secondId = second.getJsonNumber("id").longValue();
        assertThat(secondId).isGreaterThan(firstId);

        JsonArray mine = jsonArrayAnswer(post("notes/list", "{\"author\":\"" + author + "\"}"));
        assertThat(mine.stream().map(n -> n.asJsonObject().getJsonNumber("id").longValue())).containsExactly(secondId, firstId);
        assertThat(mine.getJsonObject(1)).isEqualTo(first);

        JsonArray newest = jsonArrayAnswer(Http.get(rpc("notes/list?limit=1")));
        assertThat(newest).hasSize(1);

        JsonObject read = jsonAnswer(Http.get(rpc("notes/get?id=" + firstId)));
        assertThat(read).isEqualTo(first);
    }

    @Test
    void anUnknownNoteIsNotFoundWithItsOwnType() {
        assertError(Http.get(rpc("notes/get?id=987654321")), 404, "Note 987654321 not found",
                "io.jitar.examples.showcase.notes.NoteNotFoundException");
    }

    @Test
    void refusesIncompleteNotes() {
        assertError(post("notes/add", "{\"note\":{\"author\":\" \",\"text\":\"x\"}}"), 400,
                "Parameter 'note.author' must not be blank", "io.jitar.errors.BadRequestException");
        assertError(post("notes/add", "{\"note\":{\"author\":\"Ada\"}}"), 400,
                "Parameter 'note.text' must not be blank", "io.jitar.errors.BadRequestException");
        assertError(post("notes/add", "{\"note\":{\"author\":\"Ada\",\"text\":\"x\",\"tags\":[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\"]}}"),
                400, "Parameter 'note.tags' may hold at most 5 tags", "io.jitar.errors.BadRequestException");
        assertError(post("notes/add", "{}"), 400, "Missing required parameter 'note'", "io.jitar.errors.BadRequestException");
        assertError(post("notes/list", "{\"limit\":0}"), 400, "Parameter 'limit' must be between 1 and 100",
                "io.jitar.errors.BadRequestException");
    }

    @Test
    void fingerprintsAStoredNoteAcrossSegments() throws Exception {
        JsonObject note = jsonAnswer(post("notes/add", "{\"note\":{\"author\":\"Ada\",\"text\":\"Fingerprint me\"}}"));
        long id = note.getJsonNumber("id").longValue();

        JsonObject digest = jsonAnswer(post("crunch/fingerprint", "{\"noteId\":" + id + ",\"rounds\":2}"));

        String expected = hex(chain("Ada\nFingerprint me".getBytes(StandardCharsets.UTF_8), 2));
        assertThat(digest.getString("subject")).isEqualTo("note " + id);
        assertThat(digest.getString("sha256")).isEqualTo(expected);
        assertSignature(digest.getJsonObject("signature"), expected);
    }

    @Test
    void theNotFoundExceptionIsCaughtByTypeInAnotherSegment() {
        assertError(post("crunch/fingerprint", "{\"noteId\":987654321,\"rounds\":2}"), 400,
                "Parameter 'noteId' names no note: Note 987654321 not found", "io.jitar.errors.BadRequestException");
    }

    // ---- insights: the call graph of the standalone process ----

    @Test
    void theCallGraphCountsInProcessCallsBetweenSegments() throws Exception {
        long id = jsonAnswer(post("notes/add", "{\"note\":{\"author\":\"Ada\",\"text\":\"Count me\"}}")).getJsonNumber("id").longValue();
        JsonObject before = insights("all");

        for (int i = 0; i < 3; i++) {
            jsonAnswer(post("crunch/fingerprint", "{\"noteId\":" + id + ",\"rounds\":2}"));
        }
        jsonAnswer(post("crunch/hashChain", "{\"text\":\"Jitar\",\"rounds\":3}"));
        assertError(post("crunch/fingerprint", "{\"noteId\":987654321,\"rounds\":2}"), 400,
                "Parameter 'noteId' names no note: Note 987654321 not found", "io.jitar.errors.BadRequestException");
        JsonObject after = insights("all");

        // fingerprint reads the note (segment data) and has the vault (segment protected) sign: local calls here
        assertThat(edgeCalls(after, "crunch/fingerprint", "notes/get") - edgeCalls(before, "crunch/fingerprint", "notes/get")).isEqualTo(4);
        assertThat(edgeCalls(after, "crunch/fingerprint", "vault/sign") - edgeCalls(before, "crunch/fingerprint", "vault/sign")).isEqualTo(3);
        assertThat(edgeCalls(after, "crunch/hashChain", "vault/sign") - edgeCalls(before, "crunch/hashChain", "vault/sign")).isEqualTo(1);
        assertThat(edgeCalls(after, "(rpc)", "crunch/fingerprint") - edgeCalls(before, "(rpc)", "crunch/fingerprint")).isEqualTo(4);
        JsonObject notesGet = edge(after, "crunch/fingerprint", "notes/get");
        assertThat(notesGet.getBoolean("remote")).isFalse();
        assertThat(notesGet.getJsonNumber("clientErrors").longValue() - edge(before, "crunch/fingerprint", "notes/get")
                .getJsonNumber("clientErrors").longValue()).isEqualTo(1); // NoteNotFoundException: a 404
        JsonObject fingerprint = procedure(after, "crunch/fingerprint");
        assertThat(fingerprint.getBoolean("runsHere")).isTrue();
        assertThat(fingerprint.getJsonArray("callees").getValuesAs(JsonObject.class)).extracting(c -> c.getString("procedure"))
                .contains("notes/get", "vault/sign");
        assertThat(after.getJsonObject("window").getString("requested")).isEqualTo("all");
        assertThat(after.getJsonObject("window").getJsonNumber("seconds").doubleValue()).isPositive();
        assertThat(after.toString()).doesNotContain("Count me").doesNotContain(TRUST_KEY).doesNotContain("987654321");
    }

    @Test
    void insightsRefuseUnknownWindowsAndParameters() {
        HttpResponse<String> window = Http.get(Deployments.url(base, "jitar/insights?window=2d"));
        HttpResponse<String> parameter = Http.get(Deployments.url(base, "jitar/insights?secret=1"));

        assertThat(window.statusCode()).isEqualTo(400);
        assertThat(window.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(JSON));
        assertThat(window.body()).isEqualTo("{\"message\":\"Unknown window '2d': use 1m, 5m, 15m, 1h or all\",\"status\":400}");
        assertThat(parameter.statusCode()).isEqualTo(400);
        assertThat(parameter.body()).contains("Unknown query parameter 'secret'");
        assertThat(Http.get(Deployments.url(base, "jitar/insights")).statusCode()).isEqualTo(200);
    }

    @Test
    void metricsCountEachProcedureByOutcomeWithItsDurationAndNothingForUnknownNames() {
        PrometheusText before = metrics();

        assertThat(Http.get(rpc("lobby/time?zone=UTC")).statusCode()).isEqualTo(200);
        assertThat(Http.get(rpc("lobby/time?zone=Europe/Amsterdam")).statusCode()).isEqualTo(200);
        assertThat(Http.get(rpc("lobby/time?zone=Mars/Olympus")).statusCode()).isEqualTo(400);
        assertThat(Http.get(rpc("lobby/time?zone=UTC&extra=1")).statusCode()).isEqualTo(400);
        assertThat(Http.get(rpc("nothing/here")).statusCode()).isEqualTo(404);
        PrometheusText after = metrics();

        String[] time = {"procedure", "lobby/time", "version", "0.0.0"};
        assertThat(delta(before, after, "jitar_procedure_calls_total", time, "outcome", "ok")).isEqualTo(2);
        assertThat(delta(before, after, "jitar_procedure_calls_total", time, "outcome", "4xx")).isEqualTo(2);
        assertThat(delta(before, after, "jitar_procedure_calls_total", time, "outcome", "5xx")).isZero();
        assertThat(delta(before, after, "jitar_procedure_duration_seconds_count", time)).isEqualTo(4);
        assertThat(after.value("jitar_procedure_duration_seconds_sum", time)).isPositive();
        assertThat(after.find("jitar_procedure_duration_seconds", concat(time, "quantile", "0.99"))).hasSize(1);
        assertThat(after.find("jitar_procedure_duration_seconds", concat(time, "quantile", "0.5"))).hasSize(1);
        assertThat(after.value("jitar_procedure_in_flight", time)).isZero();
        // every procedure of the segment files has its series from the start; a name from a request never gets one
        assertThat(after.find("jitar_procedure_calls_total", "procedure", "crunch/primes", "outcome", "ok")).hasSize(1);
        assertThat(after.any("jitar_", "procedure", "nothing/here")).isFalse();
    }

    private PrometheusText metrics() {
        HttpResponse<String> response = Http.get("http://127.0.0.1:" + base.getPort() + "/metrics");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        return PrometheusText.parse(response.body());
    }

    private static double delta(PrometheusText before, PrometheusText after, String name, String[] labels, String... more) {
        String[] all = concat(labels, more);
        return after.value(name, all) - before.value(name, all);
    }

    private static String[] concat(String[] labels, String... more) {
        String[] all = java.util.Arrays.copyOf(labels, labels.length + more.length);
        System.arraycopy(more, 0, all, labels.length, more.length);
        return all;
    }

    private JsonObject insights(String window) {
        HttpResponse<String> response = Http.get(Deployments.url(base, "jitar/insights?window=" + window));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(JSON));
        return json(response.body());
    }

    private static JsonObject edge(JsonObject insights, String caller, String callee) {
        return insights.getJsonArray("edges").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("caller").equals(caller) && e.getString("callee").equals(callee))
                .findFirst().orElse(Json.createObjectBuilder().add("calls", 0).add("clientErrors", 0).add("remote", false).build());
    }

    private static long edgeCalls(JsonObject insights, String caller, String callee) {
        return edge(insights, caller, callee).getJsonNumber("calls").longValue();
    }

    private static JsonObject procedure(JsonObject insights, String name) {
        return insights.getJsonArray("procedures").getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("procedure").equals(name)).findFirst().orElseThrow();
    }

    // ---- the web front end (served by the standalone worker itself) ----

    @Test
    void servesTheIndexAtTheRoot() {
        for (String path : List.of("", "index.html")) {
            HttpResponse<String> response = Http.get(Deployments.url(base, path));

            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            assertThat(response.body()).contains("id=\"heavy-button\"", "id=\"burst-button\"", "id=\"result\"", "id=\"error\"",
                    "src=\"app.js\"");
        }
    }

    @Test
    void servesTheClusterPage() {
        HttpResponse<String> response = Http.get(Deployments.url(base, "cluster.html"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(response.body()).contains("id=\"workers\"", "src=\"cluster.js\"");
    }

    @Test
    void servesScriptsStylesAndIcon() {
        assertAsset("app.js", "text/javascript", "crunch/primes");
        assertAsset("common.js", "text/javascript", "X-Jitar-Worker");
        assertAsset("cluster.js", "text/javascript", "jitar/cluster");
        assertAsset("insights.html", "text/html", "id=\"graph\"");
        assertAsset("insights.js", "text/javascript", "jitar/insights");
        assertAsset("style.css", "text/css", ".worker-badge");
        assertAsset("favicon.svg", "image/svg+xml", "<svg");
    }

    @Test
    void aStandaloneWorkerHasNoClusterView() {
        HttpResponse<String> cluster = Http.get(Deployments.url(base, "jitar/cluster"));
        assertThat(cluster.statusCode()).isEqualTo(404);
        assertThat(cluster.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(JSON));
        assertThat(cluster.body()).isEqualTo("{\"message\":\"Not Found\",\"status\":404}");
        assertThat(Http.get(Deployments.url(base, "WEB-INF/web.xml")).statusCode()).isIn(403, 404);
    }

    // ---- helpers ----

    private String rpc(String fqnAndQuery) {
        return Deployments.url(base, "rpc/" + fqnAndQuery);
    }

    private HttpRequest.Builder postRequest(String fqn, String json) {
        return Http.request(rpc(fqn)).header("Content-Type", JSON).POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private HttpResponse<String> post(String fqn, String json) {
        return send(postRequest(fqn, json));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        return Http.send(request.build());
    }

    private void assertAsset(String path, String type, String content) {
        HttpResponse<String> response = Http.get(Deployments.url(base, path));

        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(t -> assertThat(t).startsWith(type));
        assertThat(response.body()).as(path).contains(content);
    }

    /** A 200 JSON answer, served by the named worker. */
    private static JsonObject jsonAnswer(HttpResponse<String> response) {
        assertJson(response);
        return json(response.body());
    }

    private static JsonArray jsonArrayAnswer(HttpResponse<String> response) {
        assertJson(response);
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readArray();
        }
    }

    private static void assertJson(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(JSON));
        assertThat(response.headers().firstValue("X-Jitar-Content-Type")).hasValue(JSON);
        assertThat(response.headers().firstValue("X-Jitar-Worker")).hasValue(WORKER);
    }

    private static void assertError(HttpResponse<String> response, int status, String message, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(JSON));
        assertThat(response.body()).isEqualTo("{\"message\":\"" + message.replace("\n", "\\n") + "\",\"status\":" + status
                + ",\"type\":\"" + type + "\"}");
    }

    private static void assertSignature(JsonObject signature, String signedText) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(VAULT_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String keyId = hex(MessageDigest.getInstance("SHA-256").digest(VAULT_KEY.getBytes(StandardCharsets.UTF_8))).substring(0, 8);

        assertThat(signature.keySet()).containsExactly("algorithm", "keyId", "value");
        assertThat(signature.getString("algorithm")).isEqualTo("HmacSHA256");
        assertThat(signature.getString("keyId")).isEqualTo(keyId);
        assertThat(signature.getString("value")).isEqualTo(hex(mac.doFinal(signedText.getBytes(StandardCharsets.UTF_8))));
    }

    private static byte[] chain(byte[] input, int rounds) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] value = input;
        for (int i = 0; i < rounds; i++) {
            value = sha.digest(value);
        }
        return value;
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static List<Integer> ints(JsonArray array) {
        return array.getValuesAs(JsonValue.class).stream().map(v -> Integer.valueOf(v.toString())).toList();
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static JsonObject json(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }
}
