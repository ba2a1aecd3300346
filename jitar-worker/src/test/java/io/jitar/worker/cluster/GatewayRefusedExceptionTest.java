package io.jitar.worker.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.jitar.core.protocol.WireJson;
import org.junit.jupiter.api.Test;

/** What a worker's log says about a gateway's refusal: ours answers JSON, the original answers text. */
class GatewayRefusedExceptionTest {

    @Test
    void readsTheMessageOfOurGatewaysJsonError() {
        GatewayRefusedException refused = GatewayRefusedException.of(401,
                "{\"message\":\"Invalid trust key\",\"status\":401}", WireJson.jsonb());

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.gatewayMessage()).isEqualTo("Invalid trust key");
        assertThat(refused.isUnknownFieldRefusal()).isFalse();
    }

    @Test
    void joinsTheOriginalGatewaysValidationLinesAndRecognisesItsUnknownFieldRefusal() {
        // What Jitar 0.10.6 answers (text/plain) for our full registration body.
        GatewayRefusedException refused = GatewayRefusedException.of(400,
                "Unknown field 'idempotentProcedureNames'\nUnknown field 'name'\nUnknown field 'segments'", WireJson.jsonb());

        assertThat(refused.gatewayMessage())
                .isEqualTo("Unknown field 'idempotentProcedureNames'; Unknown field 'name'; Unknown field 'segments'");
        assertThat(refused.isUnknownFieldRefusal()).isTrue();
        assertThat(refused.getMessage()).isEqualTo("status 400: " + refused.gatewayMessage());
    }

    @Test
    void anUnknownFieldMessageWithAnotherStatusIsNotTheOriginalsValidation() {
        assertThat(GatewayRefusedException.of(404, "Unknown field 'x'", WireJson.jsonb()).isUnknownFieldRefusal()).isFalse();
    }

    @Test
    void anEmptyOrHugeOrNonJsonBodyStillGivesOneShortLine() {
        assertThat(GatewayRefusedException.of(403, "", WireJson.jsonb()).gatewayMessage()).isEqualTo("(no message)");
        assertThat(GatewayRefusedException.of(400, "{not json", WireJson.jsonb()).gatewayMessage()).isEqualTo("{not json");
        assertThat(GatewayRefusedException.of(404, "<!DOCTYPE html><html><title>Payara</title></html>", WireJson.jsonb())
                .gatewayMessage()).isEqualTo("(an HTML page: no gateway is deployed at that URL, or not yet)");
        String huge = GatewayRefusedException.of(400, "x".repeat(10_000) + "\u0007", WireJson.jsonb()).gatewayMessage();
        assertThat(huge).hasSize(GatewayRefusedException.MAX_MESSAGE + 3).endsWith("...");
        assertThat(GatewayRefusedException.of(400, "bell\u0007here", WireJson.jsonb()).gatewayMessage()).isEqualTo("bell?here");
    }
}
