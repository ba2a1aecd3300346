package io.jitar.assets;

import static org.assertj.core.api.Assertions.assertThat;

import io.jitar.core.protocol.ErrorBody;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssetAnswerTest {

    @TempDir
    Path folder;

    private static String body(AssetAnswer answer) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        answer.writeBody(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private Asset asset() throws IOException {
        Path file = Files.writeString(folder.resolve("a.css"), "body{}", StandardCharsets.UTF_8);
        return new Asset(AssetPath.parse("a.css").orElseThrow(), file, "text/css;charset=utf-8", 6, Instant.EPOCH);
    }

    @Test
    void contentAddsTypeAndLengthAndWritesTheFile() throws IOException {
        AssetAnswer answer = AssetAnswer.content(asset(), Map.of("ETag", "W/\"x\""), true);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.headers()).containsEntry("ETag", "W/\"x\"")
                .containsEntry("Content-Type", "text/css;charset=utf-8").containsEntry("Content-Length", "6");
        assertThat(answer.asset()).isPresent();
        assertThat(answer.hasBody()).isTrue();
        assertThat(body(answer)).isEqualTo("body{}");
    }

    @Test
    void contentWithoutBodyKeepsTheHeadersOfTheGet() throws IOException {
        AssetAnswer answer = AssetAnswer.content(asset(), Map.of(), false);

        assertThat(answer.headers()).containsEntry("Content-Length", "6");
        assertThat(answer.asset()).isEmpty();
        assertThat(answer.hasBody()).isFalse();
        assertThat(body(answer)).isEmpty();
    }

    @Test
    void notModifiedHasNoBodyAndNoContentHeaders() throws IOException {
        AssetAnswer answer = AssetAnswer.notModified(Map.of("ETag", "W/\"x\""));

        assertThat(answer.status()).isEqualTo(304);
        assertThat(answer.headers()).containsOnlyKeys("ETag");
        assertThat(body(answer)).isEmpty();
    }

    @Test
    void errorIsShortJson() throws IOException {
        AssetAnswer answer = AssetAnswer.error(404, "Not found: /x", Map.of("Cache-Control", "no-store"), true);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(body(answer)).isEqualTo("{\"message\":\"Not found: /x\",\"status\":404}");
        assertThat(answer.headers()).containsEntry("Content-Type", "application/json;charset=utf-8")
                .containsEntry("Content-Length", String.valueOf(body(answer).length()))
                .containsEntry("Cache-Control", "no-store");
    }

    @Test
    void errorWithoutBodyStillAnnouncesItsLength() throws IOException {
        AssetAnswer answer = AssetAnswer.error(404, "Not found: /x", Map.of(), false);

        assertThat(answer.headers()).containsEntry("Content-Length", String.valueOf("{\"message\":\"Not found: /x\",\"status\":404}".length()));
        assertThat(answer.hasBody()).isFalse();
        assertThat(body(answer)).isEmpty();
    }

    @Test
    void errorBodyIsTheErrorBodyOfEveryService() throws IOException {
        AssetAnswer answer = AssetAnswer.error(400, "Bad path \"a\\b\"", Map.of(), true);

        assertThat(body(answer)).isEqualTo(new ErrorBody(400, "Bad path \"a\\b\"", null).json());
        assertThat(body(answer)).isEqualTo("{\"message\":\"Bad path \\\"a\\\\b\\\"\",\"status\":400}");
    }

    @Test
    void headersAreUnmodifiable() {
        AssetAnswer answer = AssetAnswer.notModified(Map.of());

        assertThat(answer.headers()).isUnmodifiable();
    }
}
