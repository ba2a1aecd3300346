package io.jitar.proxy.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jitar.errors.NotFoundException;
import java.net.URI;
import java.util.List;
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

    @ParameterizedTest
    @ValueSource(strings = {"GET", "HEAD"})
    void clusterViewGoesToTheGatewaysClusterPathWithoutTheQuery(String method) {
        Route route = route(method, "/jitar/cluster", "refresh=1");

        assertThat(route.upstream()).isEqualTo(ProxyFixtures.GATEWAY);
        assertThat(route.uri()).isEqualTo(URI.create("http://gateway.internal:8081/cluster"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "HEAD"})
    void clusterInsightsGoToTheGatewaysInsightsWithTheWindow(String method) {
        Route route = route(method, "/jitar/cluster/insights", "window=1m");

        assertThat(route.upstream()).isEqualTo(ProxyFixtures.GATEWAY);
        assertThat(route.uri()).isEqualTo(URI.create("http://gateway.internal:8081/cluster/insights?window=1m"));
        assertThatThrownBy(() -> route("POST", "/jitar/cluster/insights", null))
                .isInstanceOfSatisfying(MethodNotAllowedException.class, e -> assertThat(e.allowHeader()).isEqualTo("GET, HEAD"));
        Upstream worker = new Upstream(Upstream.WORKER, URI.create("http://worker.internal:8080"));
        assertThatThrownBy(() -> new ProxyRoutes(worker, ProxyFixtures.REPOSITORY)
                .route(method, RequestTarget.parse("/jitar/cluster/insights", null)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void clusterViewKeepsTheGatewaysBasePath() {
        ProxyRoutes withPath = new ProxyRoutes(new Upstream(Upstream.GATEWAY, URI.create("http://gw.internal/base/")),
                ProxyFixtures.REPOSITORY);

        assertThat(withPath.route("GET", RequestTarget.parse("/jitar/cluster", null)).uri())
                .isEqualTo(URI.create("http://gw.internal/base/cluster"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH", "OPTIONS"})
    void clusterViewIsReadOnly(String method) {
        assertThatThrownBy(() -> route(method, "/jitar/cluster", null))
                .isInstanceOfSatisfying(MethodNotAllowedException.class,
                        e -> assertThat(e.allowHeader()).isEqualTo("GET, HEAD"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/jitar/workers", "/jitar/workers/abc/report", "/jitar", "/jitar/", "/jitar/cluster/",
            "/jitar/cluster/x", "/jitar/%63luster", "/jitar/cluster;v=1", "/jitar;v=1/cluster", "/%6Aitar/cluster",
            "/jitar/Cluster", "/jitar/rpc/x", "/jitar/health", "/jitar/cluster/insights/", "/jitar/cluster/Insights",
            "/jitar/cluster/%69nsights", "/jitar/insights"})
    void everyOtherPathUnderJitarIsNotFoundWhateverTheMethod(String path) {
        for (String method : List.of("GET", "HEAD", "POST", "DELETE", "PUT")) {
            assertThatThrownBy(() -> route(method, path, null)).as(method + " " + path)
                    .isInstanceOfSatisfying(NotFoundException.class, e -> {
                        assertThat(e.status()).isEqualTo(404);
                        assertThat(e.getMessage()).isEqualTo("Not found");
                    });
        }
    }

    @Test
    void withASingleWorkerThereIsNoClusterView() {
        Upstream worker = new Upstream(Upstream.WORKER, URI.create("http://worker.internal:8080"));
        ProxyRoutes toWorker = new ProxyRoutes(worker, ProxyFixtures.REPOSITORY);

        assertThatThrownBy(() -> toWorker.route("GET", RequestTarget.parse("/jitar/cluster", null)))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("No cluster view: this proxy sends RPC to a single worker, not to a gateway"));
        assertThat(toWorker.route("GET", RequestTarget.parse("/rpc/x", null)).upstream()).isEqualTo(worker);
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "DELETE", "PUT"})
    void theRegistryIsNeverRoutedToTheGateway(String method) {
        assertThatThrownBy(() -> route(method, "/workers", null)).isInstanceOf(MethodNotAllowedException.class);
        assertThatThrownBy(() -> route(method, "/workers/abc", null)).isInstanceOf(MethodNotAllowedException.class);
        assertThat(route("GET", "/workers", null).upstream()).as("a repository path like any other")
                .isEqualTo(ProxyFixtures.REPOSITORY);
        assertThat(route("GET", "/cluster", null).upstream()).isEqualTo(ProxyFixtures.REPOSITORY);
    }

    @Test
    void routesOfSettingsUseTheirUpstreams() {
        ProxyRoutes fromSettings = ProxyRoutes.of(ProxySettings.from(ProxyFixtures.minimalConfig()));

        assertThat(fromSettings.rpc().base()).isEqualTo(URI.create("http://gateway.internal:8081"));
        assertThat(fromSettings.repository().role()).isEqualTo("repository");
    }
}
