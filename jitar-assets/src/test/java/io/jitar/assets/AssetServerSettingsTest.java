package io.jitar.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssetServerSettingsTest {

    @TempDir
    Path folder;

    private static AssetServerSettings settings(String... keysAndValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return AssetServerSettings.from(key -> Optional.ofNullable(values.get(key)));
    }

    @Test
    void defaultsServePackagedAssetsWithIndexHtml() {
        AssetServerSettings defaults = AssetServerSettings.defaults();

        assertThat(defaults.assetRoot()).isEmpty();
        assertThat(defaults.assets().patterns())
                .containsExactly("*.html", "*.css", "*.js", "*.mjs", "*.ico", "*.svg", "*.png", "assets/**/*");
        assertThat(defaults.index()).hasToString("index.html");
        assertThat(defaults.serveIndexOnNotFound()).isFalse();
        assertThat(defaults.cacheMaxAge()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void readsEveryKey() {
        AssetServerSettings settings = settings(
                "jitar.repository.asset-root", folder.toString(),
                "jitar.repository.assets", "app/**/*, *.html",
                "jitar.repository.index", "app/main.html",
                "jitar.repository.serve-index-on-not-found", "TRUE",
                "jitar.repository.cache-max-age", "10m");

        assertThat(settings.assetRoot()).hasValue(folder);
        assertThat(settings.assets().patterns()).containsExactly("app/**/*", "*.html");
        assertThat(settings.index()).hasToString("app/main.html");
        assertThat(settings.serveIndexOnNotFound()).isTrue();
        assertThat(settings.cacheMaxAge()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void blankValuesCountAsAbsent() {
        AssetServerSettings settings = settings("jitar.repository.asset-root", " ", "jitar.repository.assets", "",
                "jitar.repository.index", "  ");

        assertThat(settings).isEqualTo(AssetServerSettings.defaults());
    }

    @Test
    void zeroMaximumAgeIsAllowed() {
        assertThat(settings("jitar.repository.cache-max-age", "0s").cacheMaxAge()).isZero();
    }

    @Test
    void refusesAMissingAssetRootNamingTheKey() throws IOException {
        Path file = Files.writeString(folder.resolve("file.txt"), "x");
        for (String root : new String[] {folder.resolve("none").toString(), file.toString(), "bad\u0000path"}) {
            assertThatIllegalArgumentException().isThrownBy(() -> settings("jitar.repository.asset-root", root))
                    .withMessageStartingWith("Invalid value for 'jitar.repository.asset-root'")
                    .withMessageContaining("must be an existing folder");
        }
    }

    @Test
    void refusesAnInvalidGlobNamingTheKeyAndThePattern() {
        assertThatIllegalArgumentException().isThrownBy(() -> settings("jitar.repository.assets", "*.html,[oops"))
                .withMessageStartingWith("Invalid value for 'jitar.repository.assets'")
                .withMessageContaining("Invalid asset pattern '[oops'");
        assertThatIllegalArgumentException().isThrownBy(() -> settings("jitar.repository.assets", "../*"))
                .withMessageStartingWith("Invalid value for 'jitar.repository.assets'");
        assertThatIllegalArgumentException().isThrownBy(() -> settings("jitar.repository.assets", ",,"))
                .withMessageContaining("no pattern given");
    }

    @Test
    void refusesAnIndexOutsideTheRoot() {
        for (String index : new String[] {"../index.html", "/", "a//b.html", "dir/"}) {
            assertThatIllegalArgumentException().as(index).isThrownBy(() -> settings("jitar.repository.index", index))
                    .withMessageStartingWith("Invalid value for 'jitar.repository.index'");
        }
    }

    @Test
    void refusesAnythingButTrueOrFalse() {
        assertThatIllegalArgumentException().isThrownBy(() -> settings("jitar.repository.serve-index-on-not-found", "yes"))
                .withMessage("Invalid value for 'jitar.repository.serve-index-on-not-found' ('yes'): must be true or false");
    }

    @Test
    void refusesInvalidOrNegativeMaximumAge() {
        assertThatIllegalArgumentException().isThrownBy(() -> settings("jitar.repository.cache-max-age", "3600"))
                .withMessageContaining("'jitar.repository.cache-max-age'");
        assertThatIllegalArgumentException().isThrownBy(() -> settings("jitar.repository.cache-max-age", "PT-1S"))
                .withMessageContaining("'jitar.repository.cache-max-age'").withMessageContaining("must be >= 0");
    }
}
