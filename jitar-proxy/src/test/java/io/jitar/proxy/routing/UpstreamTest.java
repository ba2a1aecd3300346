package io.jitar.proxy.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class UpstreamTest {

    @Test
    void appendsPathAndQueryUnchangedToTheBase() {
        assertThat(ProxyFixtures.GATEWAY.resolve("/rpc/a%2Fb;x=1", "name=J%C3%B6rg&x"))
                .isEqualTo(URI.create("http://gateway.internal:8081/rpc/a%2Fb;x=1?name=J%C3%B6rg&x"));
    }

    @Test
    void baseWithTrailingSlashOrPathIsAPrefix() {
        Upstream behindPath = new Upstream("worker", URI.create("http://worker:8080/jitar/"));

        assertThat(ProxyFixtures.REPOSITORY.resolve("/index.html", null))
                .isEqualTo(URI.create("http://repository.internal:8082/index.html"));
        assertThat(behindPath.resolve("/rpc/x", null)).isEqualTo(URI.create("http://worker:8080/jitar/rpc/x"));
    }

    @Test
    void refusesBasesThatAreNotHttpUrlsWithAHost() {
        assertThatThrownBy(() -> new Upstream("gateway", URI.create("ftp://host/")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http(s)");
        assertThatThrownBy(() -> new Upstream("gateway", URI.create("/relative")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Upstream("gateway", URI.create("http://host/?q=1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no query");
    }

    @Test
    void aTargetThatIsNoUriIsAMalformedRequest() {
        assertThatThrownBy(() -> ProxyFixtures.GATEWAY.resolve("/a b", null))
                .isInstanceOf(MalformedRequestException.class);
    }

    @Test
    void describesItselfByRoleAndBase() {
        assertThat(ProxyFixtures.GATEWAY).hasToString("gateway http://gateway.internal:8081");
    }
}
