package io.jitar.repository.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.jitar.assets.AssetAnswer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ErrorAnswersTest {

    private static String body(AssetAnswer answer) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        answer.writeBody(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void containerStatusBecomesShortJsonWithItsReason() throws IOException {
        AssetAnswer answer = ErrorAnswers.forStatus(404);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(body(answer)).isEqualTo("{\"message\":\"Not found\",\"status\":404}");
        assertThat(answer.headers()).containsEntry("Content-Type", "application/json;charset=utf-8")
                .containsEntry("Cache-Control", "no-store");
    }

    @Test
    void unknownStatusesGetAGenericReasonOfTheirClass() throws IOException {
        assertThat(body(ErrorAnswers.forStatus(431))).isEqualTo("{\"message\":\"Bad request\",\"status\":431}");
        assertThat(body(ErrorAnswers.forStatus(502))).isEqualTo("{\"message\":\"Internal server error\",\"status\":502}");
    }

    @Test
    void missingOrNonErrorStatusIsAServerError() {
        assertThat(ErrorAnswers.forStatus(null).status()).isEqualTo(500);
        assertThat(ErrorAnswers.forStatus("404").status()).isEqualTo(500);
        assertThat(ErrorAnswers.forStatus(200).status()).isEqualTo(500);
    }
}
