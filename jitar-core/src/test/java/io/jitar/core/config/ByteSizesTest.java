package io.jitar.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ByteSizesTest {

    private static final String KEY = "jitar.max-request-size";

    @Test
    void parsesPlainBytes() {
        assertThat(ByteSizes.parse(KEY, "1048576")).isEqualTo(1_048_576L);
        assertThat(ByteSizes.parse(KEY, "100B")).isEqualTo(100L);
    }

    @Test
    void parsesUnitsAsPowersOf1024() {
        assertThat(ByteSizes.parse(KEY, "512KB")).isEqualTo(512L * 1024);
        assertThat(ByteSizes.parse(KEY, "1MB")).isEqualTo(1024L * 1024);
        assertThat(ByteSizes.parse(KEY, "2GB")).isEqualTo(2L * 1024 * 1024 * 1024);
    }

    @Test
    void acceptsLowerCaseAndSpaces() {
        assertThat(ByteSizes.parse(KEY, " 4 kb ")).isEqualTo(4096L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1TB", "1.5MB", "-1", "MB", "", "one", "1 M", "1234567890123"})
    void refusesOtherFormsNamingKey(String text) {
        assertThatThrownBy(() -> ByteSizes.parse(KEY, text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid size for '" + KEY + "': '" + text + "'; write it like 512KB or 1MB");
    }

    @Test
    void refusesMissingValueNamingKey() {
        assertThatThrownBy(() -> ByteSizes.parse(KEY, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid size for '" + KEY + "': 'null'; write it like 512KB or 1MB");
    }

    @Test
    void refusesZero() {
        assertThatThrownBy(() -> ByteSizes.parse(KEY, "0KB"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid size for '" + KEY + "': must be > 0, got '0KB'");
    }

    @Test
    void refusesSizeThatOverflowsToNegative() {
        assertThatThrownBy(() -> ByteSizes.parse(KEY, "10000000000GB"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid size for '" + KEY + "': too large, got '10000000000GB'");
    }

    @Test
    void refusesSizeThatWrapsAroundToSmallPositive() {
        // 17179869185 GB = 2^64 + 1 GB: plain long multiplication would wrap around to exactly 1 GB.
        assertThatThrownBy(() -> ByteSizes.parse(KEY, "17179869185GB"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid size for '" + KEY + "': too large, got '17179869185GB'");
    }

    @Test
    void acceptsLargestTwelveDigitByteCount() {
        assertThat(ByteSizes.parse(KEY, "999999999999")).isEqualTo(999_999_999_999L);
    }
}
