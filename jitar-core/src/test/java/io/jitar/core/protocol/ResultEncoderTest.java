package io.jitar.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.jitar.errors.ForbiddenException;
import io.jitar.errors.NotFoundException;
import io.jitar.middleware.Response;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ResultEncoderTest {

    private static final String TEXT_UTF8 = "text/plain;charset=UTF-8";
    private static final String JSON_UTF8 = "application/json;charset=UTF-8";
    private static final String LOCATION = "https://example.com/login";

    /** A result an application returns; public because JSON-B only serializes public types. */
    public record Score(String player, int points) {
    }

    private static Jsonb jsonb;
    private static ResultEncoder encoder;

    @BeforeAll
    static void createEncoder() {
        jsonb = JsonbBuilder.create();
        encoder = new ResultEncoder(jsonb);
    }

    @AfterAll
    static void closeJsonb() throws Exception {
        jsonb.close();
    }

    private static String body(EncodedResponse encoded) {
        return new String(encoded.body(), StandardCharsets.UTF_8);
    }

    private static JsonStructure json(EncodedResponse encoded) {
        try (JsonReader reader = Json.createReader(new StringReader(body(encoded)))) {
            return reader.read();
        }
    }

    private static EncodedResponse encode(Object result) {
        return encoder.encode(new Response(200, result));
    }

    @Test
    void stringIsText() {
        EncodedResponse encoded = encode("héllo ✓");

        assertThat(encoded.status()).isEqualTo(200);
        assertThat(encoded.contentType()).isEqualTo(TEXT_UTF8);
        assertThat(encoded.jitarContentType()).isEqualTo("text/plain");
        assertThat(body(encoded)).isEqualTo("héllo ✓");
    }

    @Test
    void characterIsText() {
        EncodedResponse encoded = encode('x');

        assertThat(encoded.jitarContentType()).isEqualTo(ContentTypes.TEXT);
        assertThat(body(encoded)).isEqualTo("x");
    }

    @Test
    void numberIsTextMarkedAsNumber() {
        assertThat(body(encode(42))).isEqualTo("42");
        assertThat(body(encode(2.5d))).isEqualTo("2.5");
        assertThat(encode(42L).jitarContentType()).isEqualTo("application/number");
        assertThat(encode(42L).contentType()).isEqualTo(TEXT_UTF8);
    }

    @Test
    void bigDecimalIsWrittenWithoutExponent() {
        assertThat(body(encode(new BigDecimal("1E+3")))).isEqualTo("1000");
    }

    @Test
    void booleanIsTextMarkedAsBoolean() {
        EncodedResponse encoded = encode(false);

        assertThat(encoded.jitarContentType()).isEqualTo("application/boolean");
        assertThat(body(encoded)).isEqualTo("false");
    }

    @Test
    void nullIsEmptyBodyMarkedAsNull() {
        EncodedResponse encoded = encode(null);

        assertThat(encoded.status()).isEqualTo(200);
        assertThat(encoded.jitarContentType()).isEqualTo("application/null");
        assertThat(encoded.body()).isEmpty();
    }

    @Test
    void otherValuesAreJson() {
        EncodedResponse encoded = encode(new Score("ann", 3));

        assertThat(encoded.contentType()).isEqualTo(JSON_UTF8);
        assertThat(encoded.jitarContentType()).isEqualTo("application/json");
        assertThat(json(encoded)).isEqualTo(Json.createObjectBuilder().add("player", "ann").add("points", 3).build());
    }

    @Test
    void collectionsAreJson() {
        EncodedResponse encoded = encode(List.of(Map.of("points", 1)));

        assertThat(encoded.jitarContentType()).isEqualTo(ContentTypes.JSON);
        assertThat(body(encoded)).isEqualTo("[{\"points\":1}]");
    }

    @Test
    void keepsStatusSetByMiddleware() {
        assertThat(encoder.encode(new Response(201, "created")).status()).isEqualTo(201);
    }

    @Test
    void locationHeaderMakesRedirect() {
        Response response = new Response(200, null);
        response.setHeader("location", LOCATION);

        EncodedResponse encoded = encoder.encode(response);

        assertThat(encoded.status()).isEqualTo(302);
        assertThat(encoded.headers()).containsEntry("Location", LOCATION);
    }

    @Test
    void passesHeadersOn() {
        Response response = new Response(200, "ok");
        response.setHeader("X-Served-By", "worker-1");

        assertThat(encoder.encode(response).headers()).containsExactly(Map.entry("X-Served-By", "worker-1"));
    }

    @Test
    void throwableResultIsErrorBody() {
        EncodedResponse encoded = encoder.encode(new Response(404, new NotFoundException("Game 42 not found")));

        assertThat(encoded.status()).isEqualTo(404);
        assertThat(encoded.contentType()).isEqualTo(JSON_UTF8);
        assertThat(encoded.jitarContentType()).isEqualTo(ContentTypes.JSON);
        assertThat(json(encoded)).isEqualTo(Json.createObjectBuilder()
                .add("status", 404).add("message", "Game 42 not found").add("type", "io.jitar.errors.NotFoundException")
                .build());
    }

    @Test
    void applicationErrorKeepsTypeAndMessage() {
        EncodedResponse encoded = encoder.encode(new Response(500, new GameOverException("No lives left")));

        assertThat(encoded.status()).isEqualTo(500);
        assertThat(json(encoded)).isEqualTo(Json.createObjectBuilder()
                .add("status", 500).add("message", "No lives left").add("type", GameOverException.class.getName())
                .build());
    }

    @Test
    void platformErrorHidesMessageAndType() {
        EncodedResponse encoded = encoder.encode(new Response(500, new IllegalStateException("db password wrong")));

        JsonObject body = json(encoded).asJsonObject();
        assertThat(body.getInt("status")).isEqualTo(500);
        assertThat(body.getString("message")).isEqualTo("Internal server error");
        assertThat(body).doesNotContainKey("type");
        assertThat(body(encoded)).doesNotContain("password");
    }

    @Test
    void errorIsNotRedirected() {
        Response response = new Response(403, new ForbiddenException("No"));
        response.setHeader("Location", LOCATION);

        assertThat(encoder.encode(response).status()).isEqualTo(403);
    }

    @Test
    void encodesFailureBeforeAnyProcedureRan() {
        EncodedResponse encoded = encoder.error(new ForbiddenException("Blocked"));

        assertThat(encoded.status()).isEqualTo(403);
        assertThat(encoded.headers()).isEmpty();
        assertThat(json(encoded).asJsonObject().getString("message")).isEqualTo("Blocked");
    }
}
