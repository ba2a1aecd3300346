package io.jitar.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrustKeyTest {

    private static final String SECRET = "s3cret-key";

    @Test
    void matchesSameKey() {
        assertThat(TrustKey.of(SECRET).matches(SECRET)).isTrue();
    }

    @Test
    void refusesOtherKeys() {
        TrustKey key = TrustKey.of(SECRET);

        assertThat(key.matches("s3cret-kez")).isFalse();
        assertThat(key.matches("s3cret")).isFalse();
        assertThat(key.matches(SECRET + "!")).isFalse();
        assertThat(key.matches("S3CRET-KEY")).isFalse();
        assertThat(key.matches("")).isFalse();
        assertThat(key.matches(null)).isFalse();
    }

    @Test
    void matchesNonAsciiKey() {
        assertThat(TrustKey.of("schlüssel").matches("schlüssel")).isTrue();
        assertThat(TrustKey.of("schlüssel").matches("schlussel")).isFalse();
    }

    @Test
    void noneMatchesNothing() {
        TrustKey none = TrustKey.none();

        assertThat(none.isSet()).isFalse();
        assertThat(none.matches(null)).isFalse();
        assertThat(none.matches("")).isFalse();
        assertThat(none.matches(SECRET)).isFalse();
        assertThat(none.value()).isNull();
    }

    @Test
    void missingOrBlankValueMeansNone() {
        assertThat(TrustKey.of(null)).isSameAs(TrustKey.none());
        assertThat(TrustKey.of("  ")).isSameAs(TrustKey.none());
        assertThat(TrustKey.of("  ").matches("  ")).isFalse();
    }

    @Test
    void givesValueForOutgoingCalls() {
        TrustKey key = TrustKey.of(SECRET);

        assertThat(key.isSet()).isTrue();
        assertThat(key.value()).isEqualTo(SECRET);
    }

    @Test
    void printingNeverRevealsKey() {
        assertThat(TrustKey.of(SECRET).toString()).isEqualTo("TrustKey[set]").doesNotContain(SECRET);
        assertThat(TrustKey.none().toString()).isEqualTo("TrustKey[none]");
    }
}
