package io.jitar.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The error answer's JSON, the same for every service. */
class ErrorBodyTest {

    @Test
    void writesMessageStatusAndTypeInThatOrderWithoutANullType() {
        assertThat(new ErrorBody(502, "The gateway is not reachable", null).json())
                .isEqualTo("{\"message\":\"The gateway is not reachable\",\"status\":502}");
        assertThat(new ErrorBody(400, "bad", "io.jitar.X").json())
                .isEqualTo("{\"message\":\"bad\",\"status\":400,\"type\":\"io.jitar.X\"}");
    }

    @Test
    void anyMessageSurvivesTheRoundTrip() {
        String message = "Method \"A\\B\"\n\t\r\u0001\u2028 \u00e9 <script>&";

        JsonObject parsed = Json.createReader(new StringReader(new ErrorBody(405, message, null).json())).readObject();

        assertThat(parsed.getString("message")).isEqualTo(message);
        assertThat(parsed.getInt("status")).isEqualTo(405);
        assertThat(parsed.containsKey("type")).isFalse();
    }

    @Test
    void bytesAreUtf8() {
        assertThat(new ErrorBody(400, "\u00e9", null).jsonBytes())
                .isEqualTo("{\"message\":\"\u00e9\",\"status\":400}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void oneJsonbForTheWholeRuntime() {
        assertThat(WireJson.jsonb()).isSameAs(WireJson.jsonb());
    }
}
