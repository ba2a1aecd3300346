package io.jitar.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssetTest {

    private static final Instant MODIFIED = Instant.parse("2025-01-02T03:04:05.678Z");

    @TempDir
    Path folder;

    private Asset asset(long size, Instant modified) {
        return new Asset(AssetPath.parse("a.txt").orElseThrow(), folder.resolve("a.txt"), "text/plain", size, modified);
    }

    @Test
    void entityTagIsWeakAndMadeOfSizeAndModificationTime() {
        assertThat(asset(26, MODIFIED).entityTag())
                .isEqualTo("W/\"1a-" + Long.toHexString(MODIFIED.toEpochMilli()) + "\"");
    }

    @Test
    void entityTagChangesWithSizeOrTime() {
        String tag = asset(26, MODIFIED).entityTag();

        assertThat(asset(27, MODIFIED).entityTag()).isNotEqualTo(tag);
        assertThat(asset(26, MODIFIED.plusMillis(1)).entityTag()).isNotEqualTo(tag);
        assertThat(asset(26, MODIFIED).entityTag()).isEqualTo(tag);
    }

    @Test
    void readsContentFromTheFile() throws IOException {
        Files.writeString(folder.resolve("a.txt"), "hello", StandardCharsets.UTF_8);
        Asset asset = asset(5, MODIFIED);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        asset.writeTo(out);
        try (InputStream in = asset.open()) {
            assertThat(in.readAllBytes()).isEqualTo("hello".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("hello");
    }

    @Test
    void refusesNegativeSize() {
        assertThatIllegalArgumentException().isThrownBy(() -> asset(-1, MODIFIED)).withMessage("size must be >= 0, got -1");
    }
}
