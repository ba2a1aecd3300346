package io.jitar.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CachePolicyTest {

    @Test
    void indexIsAlwaysRevalidated() {
        assertThat(new CachePolicy(Duration.ofDays(365)).forIndex()).isEqualTo("no-cache");
    }

    @Test
    void assetsArePublicForTheMaximumAge() {
        assertThat(new CachePolicy(CachePolicy.DEFAULT_MAX_AGE).forAsset()).isEqualTo("public, max-age=3600");
        assertThat(new CachePolicy(Duration.ofDays(365)).forAsset()).isEqualTo("public, max-age=31536000");
    }

    @Test
    void maximumAgeUnderOneSecondMeansRevalidate() {
        assertThat(new CachePolicy(Duration.ZERO).forAsset()).isEqualTo("no-cache");
        assertThat(new CachePolicy(Duration.ofMillis(500)).forAsset()).isEqualTo("no-cache");
    }

    @Test
    void errorsAreNeverStored() {
        assertThat(new CachePolicy(Duration.ofHours(1)).forError()).isEqualTo("no-store");
    }

    @Test
    void refusesNegativeMaximumAge() {
        assertThatIllegalArgumentException().isThrownBy(() -> new CachePolicy(Duration.ofSeconds(-1)))
                .withMessageStartingWith("maxAge must be >= 0");
    }
}
