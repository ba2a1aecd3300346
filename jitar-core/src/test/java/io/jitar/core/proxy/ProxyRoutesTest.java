package io.jitar.core.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProxyRoutesTest {

    private final ProxyRoutes routes = ProxyFixtures.routes();

    private Route route(String method, String path, String query) {
        return routes.route(method, RequestTarget.parse(path, query));
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "POST", "OPTIONS"})
    void rpcGoesToTheRpcUpstream(String method) {
        Route route = route(method, "/rpc/greetings/sayHello", "name=Ann");

        assertThat(route.upstream()).isEqualTo(ProxyFixtures.GATEWAY);
        assertThat(route.uri()).isEqualTo(URI.create("http://gateway.internal:8081/rpc/greetings/sayHello?name=Ann"));
    }

    @Test
    void everythingElseGoesToTheRepository() {
        assertThat(route("GET", "/", null).upstream()).isEqualTo(ProxyFixtures.REPOSITORY);
        assertThat(route("HEAD", "/assets/app.js", "v=1").uri())
                .isEqualTo(URI.create("http://repository.internal:8082/assets/app.js?v=1"));
        assertThat(route("GET", "/rpcx/y", null).upstream()).isEqualTo(ProxyFixtures.REPOSITORY);
        assertThat(route("GET", "/RPC/y", null).upstream()).isEqualTo(ProxyFixtures.REPOSITORY);
    }

    @Test
    void encodedRpcSegmentRoutesLikeTheUpstreamReadsItAndIsForwardedAsItCame() {
        Route route = route("GET", "/%72pc;v=1/x", null);

        assertThat(route.upstream()).isEqualTo(ProxyFixtures.GATEWAY);
        assertThat(route.uri()).isEqualTo(URI.create("http://gateway.internal:8081/%72pc;v=1/x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "DELETE", "PATCH", "HEAD", "TRACE", "get", "BREW"})
    void rpcRefusesOtherMethods(String method) {
        assertThatThrownBy(() -> route(method, "/rpc/x", null))
                .isInstanceOfSatisfying(MethodNotAllowedException.class,
                        e -> assertThat(e.allowHeader()).isEqualTo("GET, POST, OPTIONS"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "CONNECT"})
    void repositoryIsReadOnly(String method) {
        assertThatThrownBy(() -> route(method, "/index.html", null))
                .isInstanceOfSatisfying(MethodNotAllowedException.class,
                        e -> assertThat(e.allowHeader()).isEqualTo("GET, HEAD"));
    }

    @Test
    void routesOfSettingsUseTheirUpstreams() {
        ProxyRoutes fromSettings = ProxyRoutes.of(ProxySettings.from(ProxyFixtures.minimalConfig()));

        assertThat(fromSettings.rpc().base()).isEqualTo(URI.create("http://gateway.internal:8081"));
        assertThat(fromSettings.repository().role()).isEqualTo("repository");
    }
}
