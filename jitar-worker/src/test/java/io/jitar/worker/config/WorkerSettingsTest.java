package io.jitar.worker.config;

import io.jitar.testing.MapConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkerSettingsTest {

    @Test
    void defaultsDescribeAStandaloneWorkerRunningEverySegment() {
        WorkerSettings settings = WorkerSettings.from(MapConfig.of());

        assertThat(settings.isStandalone()).isTrue();
        assertThat(settings.segments()).isEmpty();
        assertThat(settings.rootPackage()).isEmpty();
        assertThat(settings.trustKey().isSet()).isFalse();
        assertThat(settings.maxBodySize()).isEqualTo(1024 * 1024);
        assertThat(settings.reportInterval()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void readsEveryKey() {
        WorkerSettings settings = WorkerSettings.from(MapConfig.of(
                "jitar.root-package", "com.example", "jitar.worker.segments", " data, process ,",
                "jitar.trust-key", "k", "jitar.max-body-size", "512KB",
                "jitar.worker.gateway", "http://gateway.internal:9000", "jitar.url", "http://worker.internal:9001",
                "jitar.worker.report-interval", "500ms"));

        assertThat(settings.rootPackage()).isEqualTo("com.example");
        assertThat(settings.segments()).isEqualTo(Set.of("data", "process"));
        assertThat(settings.trustKey().matches("k")).isTrue();
        assertThat(settings.maxBodySize()).isEqualTo(512 * 1024);
        assertThat(settings.gateway()).contains(URI.create("http://gateway.internal:9000"));
        assertThat(settings.url()).contains(URI.create("http://worker.internal:9001"));
        assertThat(settings.reportInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(settings.isStandalone()).isFalse();
    }

    @Test
    void badValuesNameTheirKey() {
        assertThatThrownBy(() -> WorkerSettings.from(MapConfig.of("jitar.worker.report-interval", "5")))
                .hasMessageContaining("'jitar.worker.report-interval'");
        assertThatThrownBy(() -> WorkerSettings.from(MapConfig.of("jitar.worker.report-interval", "0s")))
                .hasMessageContaining("must be > 0");
        assertThatThrownBy(() -> WorkerSettings.from(MapConfig.of("jitar.max-body-size", "huge")))
                .hasMessageContaining("'jitar.max-body-size'");
        assertThatThrownBy(() -> WorkerSettings.from(MapConfig.of("jitar.worker.gateway", "ftp://gateway")))
                .hasMessage("Invalid URL for 'jitar.worker.gateway': 'ftp://gateway'; expected http(s)://host:port");
    }

    @Test
    void severalGatewaysAreACommaSeparatedListInOrderWithoutRepeats() {
        WorkerSettings settings = WorkerSettings.from(MapConfig.of("jitar.url", "http://worker.internal:9001",
                "jitar.worker.gateway", " http://gw1.internal:9000 , http://gw2.internal:9000,,http://gw1.internal:9000"));

        assertThat(settings.gateways()).containsExactly(URI.create("http://gw1.internal:9000"), URI.create("http://gw2.internal:9000"));
        assertThat(settings.gateway()).contains(URI.create("http://gw1.internal:9000"));
        assertThatThrownBy(() -> WorkerSettings.from(MapConfig.of("jitar.url", "http://w:1",
                "jitar.worker.gateway", "http://gw1.internal:9000,gw2:9000")))
                .hasMessage("Invalid URL for 'jitar.worker.gateway': 'gw2:9000'; expected http(s)://host:port");
    }
}
