package io.jitar.proxy.routing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class RouteTest {

    @Test
    void needsAnUpstreamAndAUri() {
        assertThatThrownBy(() -> new Route(null, URI.create("http://a/"))).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Route(ProxyFixtures.GATEWAY, null)).isInstanceOf(NullPointerException.class);
    }
}
