package io.jitar.proxy.routing;

import static io.jitar.proxy.routing.ProxyFixtures.config;
import static io.jitar.proxy.routing.ProxyFixtures.minimalConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProxySettingsTest {

    @Test
    void defaultsAreThirtySecondsTwoSecondsOneMegabyteAndNoTrustKey() {
        ProxySettings settings = ProxySettings.from(minimalConfig());

        assertThat(settings.rpc()).isEqualTo(new Upstream("gateway", URI.create("http://gateway.internal:8081")));
        assertThat(settings.repository()).isEqualTo(new Upstream("repository", URI.create("http://repository.internal:8082")));
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.maxBodySize()).isEqualTo(1024 * 1024);
        assertThat(settings.passTrustKey()).isFalse();
    }

    @Test
    void readsEverySetting() {
        ProxySettings settings = ProxySettings.from(minimalConfig(ProxySettings.TIMEOUT, "500ms",
                ProxySettings.CONNECT_TIMEOUT, "1s", ProxySettings.MAX_BODY_SIZE, "64KB", ProxySettings.PASS_TRUST_KEY, " TRUE "));

        assertThat(settings.timeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.maxBodySize()).isEqualTo(64 * 1024);
        assertThat(settings.passTrustKey()).isTrue();
    }

    @Test
    void aWorkerMayTakeTheGatewaysPlace() {
        ProxySettings settings = ProxySettings.from(config(ProxySettings.WORKER, "http://worker:8080",
                ProxySettings.REPOSITORY, "http://repository:8082"));

        assertThat(settings.rpc()).isEqualTo(new Upstream("worker", URI.create("http://worker:8080")));
    }

    @Test
    void refusesBothOrNeitherRpcTarget() {
        assertThatThrownBy(() -> ProxySettings.from(minimalConfig(ProxySettings.WORKER, "http://worker:8080")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Set exactly one of 'jitar.proxy.gateway' and 'jitar.proxy.worker': where the proxy sends"
                        + " /rpc requests; both are set");
        assertThatThrownBy(() -> ProxySettings.from(config(ProxySettings.REPOSITORY, "http://repository:8082",
                ProxySettings.GATEWAY, "  ")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageEndingWith("neither is set");
    }

    @Test
    void severalGatewaysAreACommaSeparatedListAndTheFirstIsTheRpcUpstream() {
        ProxySettings settings = ProxySettings.from(config(ProxySettings.GATEWAY, "http://gw1:8081, http://gw2:8081,",
                ProxySettings.REPOSITORY, "http://repository:8082"));

        assertThat(settings.gateways()).containsExactly(new Upstream("gateway", URI.create("http://gw1:8081")),
                new Upstream("gateway", URI.create("http://gw2:8081")));
        assertThat(settings.rpc()).isEqualTo(settings.gateways().get(0));
        assertThatThrownBy(() -> ProxySettings.from(config(ProxySettings.GATEWAY, "http://gw1:8081,gw2:8081",
                ProxySettings.REPOSITORY, "http://repository:8082")))
                .hasMessage("Invalid URL for 'jitar.proxy.gateway': 'gw2:8081'; expected http(s)://host:port, without query");
    }

    @Test
    void requiresTheRepository() {
        assertThatThrownBy(() -> ProxySettings.from(config(ProxySettings.GATEWAY, "http://gateway:8081")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'jitar.proxy.repository' is required: where the proxy sends every request but /rpc");
    }

    @Test
    void badValuesNameTheirKey() {
        assertThatThrownBy(() -> ProxySettings.from(config(ProxySettings.GATEWAY, "gateway:8081",
                ProxySettings.REPOSITORY, "http://repository:8082")))
                .hasMessage("Invalid URL for 'jitar.proxy.gateway': 'gateway:8081'; expected http(s)://host:port, without query");
        assertThatThrownBy(() -> ProxySettings.from(minimalConfig(ProxySettings.TIMEOUT, "30")))
                .hasMessageContaining("'jitar.proxy.timeout'");
        assertThatThrownBy(() -> ProxySettings.from(minimalConfig(ProxySettings.CONNECT_TIMEOUT, "0s")))
                .hasMessageContaining("'jitar.proxy.connect-timeout'");
        assertThatThrownBy(() -> ProxySettings.from(minimalConfig(ProxySettings.MAX_BODY_SIZE, "lots")))
                .hasMessageContaining("'jitar.max-body-size'");
        assertThatThrownBy(() -> ProxySettings.from(minimalConfig(ProxySettings.MAX_BODY_SIZE, "4GB")))
                .hasMessageContaining("'jitar.max-body-size': at most");
        assertThatThrownBy(() -> ProxySettings.from(minimalConfig(ProxySettings.PASS_TRUST_KEY, "yes")))
                .hasMessage("Invalid value for 'jitar.proxy.pass-trust-key': 'yes'; expected true or false");
        assertThatThrownBy(() -> ProxySettings.from(config(ProxySettings.GATEWAY, "http://gateway:8081",
                ProxySettings.REPOSITORY, "http://repository:8082/?x=1")))
                .hasMessageContaining("'jitar.proxy.repository'");
    }

    @Test
    void constructorValidatesItsValues() {
        ProxySettings valid = ProxySettings.from(minimalConfig());

        assertThatThrownBy(() -> new ProxySettings(valid.rpc(), valid.repository(), Duration.ZERO,
                valid.connectTimeout(), valid.maxBodySize(), false)).hasMessage("timeout must be > 0, got PT0S");
        assertThatThrownBy(() -> new ProxySettings(valid.rpc(), valid.repository(), valid.timeout(),
                Duration.ofSeconds(-1), valid.maxBodySize(), false)).hasMessageStartingWith("connectTimeout must be > 0");
        assertThatThrownBy(() -> new ProxySettings(valid.rpc(), valid.repository(), valid.timeout(),
                valid.connectTimeout(), 0, false)).hasMessageStartingWith("maxBodySize must be > 0");
    }

    @Test
    void describesDurationsAsTheConfigurationWritesThem() {
        assertThat(ProxySettings.describe(Duration.ofSeconds(30))).isEqualTo("30s");
        assertThat(ProxySettings.describe(Duration.ofMillis(1500))).isEqualTo("1500ms");
    }
}
