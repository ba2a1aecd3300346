package io.jitar.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    private static final String KEY = "jitar.gateway.monitor-interval";

    @Test
    void parsesShortForms() {
        assertThat(Durations.parse(KEY, "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse(KEY, "5s")).isEqualTo(Duration.ofSeconds(5));
        assertThat(Durations.parse(KEY, "2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Durations.parse(KEY, "1h")).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void allowsSpacesAroundAndBeforeUnit() {
        assertThat(Durations.parse(KEY, " 5 s ")).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void parsesIsoForm() {
        assertThat(Durations.parse(KEY, "PT5S")).isEqualTo(Duration.ofSeconds(5));
        assertThat(Durations.parse(KEY, "PT1M30S")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse(KEY, "pt0.25s")).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void acceptsZero() {
        assertThat(Durations.parse(KEY, "0s")).isEqualTo(Duration.ZERO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "5 seconds", "5S", "1d", "-5s", "1.5s", "PTfive", "P1D", "", "ms"})
    void refusesOtherFormsNamingKey(String text) {
        assertThatThrownBy(() -> Durations.parse(KEY, text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid duration for '" + KEY + "': '" + text + "'; write it like 500ms, 5s, 2m or 1h");
    }

    @Test
    void refusesMissingValueNamingKey() {
        assertThatThrownBy(() -> Durations.parse(KEY, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid duration for '" + KEY + "': 'null'; write it like 500ms, 5s, 2m or 1h");
    }

    @Test
    void positiveAcceptsPositive() {
        assertThat(Durations.parsePositive(KEY, "1ms")).isEqualTo(Duration.ofMillis(1));
    }

    @Test
    void positiveRefusesZero() {
        assertThatThrownBy(() -> Durations.parsePositive(KEY, "0ms"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid duration for '" + KEY + "': must be > 0, got '0ms'");
    }

    @Test
    void positiveRefusesNegativeIso() {
        assertThatThrownBy(() -> Durations.parsePositive(KEY, "PT-5S"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid duration for '" + KEY + "': must be > 0, got 'PT-5S'");
    }
}
