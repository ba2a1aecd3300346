package io.jitar.gateway.cluster;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ForwardingSettingsTest {

    @Test
    void defaultsAreThirtySecondsAndTwoSeconds() {
        assertThat(ForwardingSettings.defaults())
                .isEqualTo(new ForwardingSettings(Duration.ofSeconds(30), Duration.ofSeconds(2)));
    }

    @Test
    void rejectsNonPositiveRequestTimeout() {
        assertThatThrownBy(() -> new ForwardingSettings(Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("requestTimeout must be > 0, got PT0S");
    }

    @Test
    void acceptsZeroDownTimeButNotNegative() {
        assertThat(new ForwardingSettings(Duration.ofSeconds(1), Duration.ZERO).downTime()).isZero();
        assertThatThrownBy(() -> new ForwardingSettings(Duration.ofSeconds(1), Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("downTime must be >= 0, got PT-1S");
    }
}
