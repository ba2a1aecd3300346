package io.jitar.gateway.config;

import io.jitar.testing.MapConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GatewaySettingsTest {

    @Test
    void defaultsMatchTheDesign() {
        GatewaySettings settings = GatewaySettings.from(MapConfig.of());

        assertThat(settings.trustKey().isSet()).isFalse();
        assertThat(settings.monitorInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.monitor().unavailableThreshold()).isEqualTo(Duration.ofSeconds(6));
        assertThat(settings.monitor().stoppedThreshold()).isEqualTo(Duration.ofSeconds(18));
        assertThat(settings.forwarding().requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.forwarding().downTime()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.maxBodySize()).isEqualTo(1024 * 1024);
    }

    @Test
    void readsEveryKey() {
        GatewaySettings settings = GatewaySettings.from(MapConfig.of(
                "jitar.trust-key", " secret ", "jitar.gateway.monitor-interval", "250ms",
                "jitar.gateway.unavailable-threshold", "2s", "jitar.gateway.stopped-threshold", "1m",
                "jitar.gateway.request-timeout", "PT10S", "jitar.gateway.down-time", "0s",
                "jitar.gateway.connect-timeout", "300ms", "jitar.max-body-size", "64KB"));

        assertThat(settings.trustKey().matches("secret")).isTrue();
        assertThat(settings.monitorInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(settings.monitor().unavailableThreshold()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.monitor().stoppedThreshold()).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.forwarding().requestTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.forwarding().downTime()).isZero();
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofMillis(300));
        assertThat(settings.maxBodySize()).isEqualTo(64 * 1024);
    }

    @Test
    void blankValuesMeanTheDefault() {
        GatewaySettings settings = GatewaySettings.from(MapConfig.of("jitar.trust-key", " ",
                "jitar.gateway.request-timeout", ""));

        assertThat(settings.trustKey().isSet()).isFalse();
        assertThat(settings.forwarding().requestTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @ParameterizedTest
    @CsvSource({
        "jitar.gateway.monitor-interval, often",
        "jitar.gateway.unavailable-threshold, 0s",
        "jitar.gateway.stopped-threshold, 18",
        "jitar.gateway.request-timeout, soon",
        "jitar.gateway.down-time, -1s",
        "jitar.gateway.connect-timeout, 1 second",
        "jitar.max-body-size, huge"
    })
    void wrongValueIsRefusedNamingTheKey(String key, String value) {
        assertThatThrownBy(() -> GatewaySettings.from(MapConfig.of(key, value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + key + "'");
    }

    @Test
    void stoppedThresholdMustExceedUnavailableThreshold() {
        assertThatThrownBy(() -> GatewaySettings.from(MapConfig.of(
                "jitar.gateway.unavailable-threshold", "20s", "jitar.gateway.stopped-threshold", "20s")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid duration for 'jitar.gateway.stopped-threshold': 20000 ms must be longer than "
                        + "'jitar.gateway.unavailable-threshold' (20000 ms)");
    }
}
