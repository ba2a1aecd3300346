package io.jitar.gateway.cluster;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MonitorSettingsTest {

    @Test
    void defaultsAreSixAndEighteenSeconds() {
        MonitorSettings defaults = MonitorSettings.defaults();

        assertThat(defaults.unavailableThreshold()).isEqualTo(Duration.ofSeconds(6));
        assertThat(defaults.stoppedThreshold()).isEqualTo(Duration.ofSeconds(18));
    }

    @Test
    void acceptsStoppedThresholdAfterUnavailableThreshold() {
        MonitorSettings settings = new MonitorSettings(Duration.ofMillis(1), Duration.ofMillis(2));

        assertThat(settings.unavailableThreshold()).isEqualTo(Duration.ofMillis(1));
        assertThat(settings.stoppedThreshold()).isEqualTo(Duration.ofMillis(2));
    }

    @Test
    void rejectsZeroUnavailableThreshold() {
        assertThatThrownBy(() -> new MonitorSettings(Duration.ZERO, Duration.ofSeconds(18)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unavailableThreshold must be > 0");
    }

    @Test
    void rejectsNegativeStoppedThreshold() {
        assertThatThrownBy(() -> new MonitorSettings(Duration.ofSeconds(6), Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("stoppedThreshold must be > 0");
    }

    @Test
    void rejectsStoppedThresholdEqualToUnavailableThreshold() {
        assertThatThrownBy(() -> new MonitorSettings(Duration.ofSeconds(6), Duration.ofSeconds(6)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("stoppedThreshold must be > unavailableThreshold");
    }

    @Test
    void rejectsMissingThresholds() {
        assertThatThrownBy(() -> new MonitorSettings(null, Duration.ofSeconds(18)))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("unavailableThreshold");
        assertThatThrownBy(() -> new MonitorSettings(Duration.ofSeconds(6), null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("stoppedThreshold");
    }
}
