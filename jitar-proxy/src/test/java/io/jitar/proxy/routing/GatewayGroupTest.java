package io.jitar.proxy.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class GatewayGroupTest {

    private static final Upstream A = new Upstream(Upstream.GATEWAY, URI.create("http://gw-a.internal:1"));
    private static final Upstream B = new Upstream(Upstream.GATEWAY, URI.create("http://gw-b.internal:2"));
    private static final Upstream C = new Upstream(Upstream.GATEWAY, URI.create("http://gw-c.internal:3"));

    // Starts negative: System.nanoTime may be, and a never-marked gateway must count as up.
    private final AtomicLong nanos = new AtomicLong(-5_000_000_000L);
    private final GatewayGroup group = new GatewayGroup(List.of(A, B, C), nanos::get);

    @Test
    void requestsTakeTurns() {
        assertThat(List.of(group.pick(), group.pick(), group.pick(), group.pick())).containsExactly(A, B, C, A);
    }

    @Test
    void aRefusedGatewayHandsTheRequestToTheNextAndIsSkippedForTheDownTime() {
        assertThat(group.after(A)).isEqualTo(B);
        assertThat(List.of(group.pick(), group.pick(), group.pick())).containsExactly(B, B, C);

        nanos.addAndGet(GatewayGroup.DOWN_TIME.toNanos());
        assertThat(List.of(group.pick(), group.pick(), group.pick())).containsExactly(A, B, C);
    }

    @Test
    void whenEveryGatewayIsDownTheNextInTurnIsTriedAnyway() {
        group.after(A);
        group.after(B);
        assertThat(group.after(C)).isEqualTo(A);
        assertThat(group.pick()).isEqualTo(A);
    }

    @Test
    void oneGatewayIsAlwaysTheOne() {
        GatewayGroup one = new GatewayGroup(List.of(A), nanos::get);
        assertThat(one.after(A)).isEqualTo(A);
        assertThat(List.of(one.pick(), one.pick())).containsExactly(A, A);
    }

    @Test
    void aFailoverRouteKeepsPathAndQueryAtTheNextGateway() {
        ProxyRoutes routes = new ProxyRoutes(new GatewayGroup(List.of(A, B), nanos::get), ProxyFixtures.REPOSITORY);
        Route first = routes.route("GET", RequestTarget.parse("/rpc/shop/list", "page=2"));
        assertThat(first.uri()).isEqualTo(URI.create("http://gw-a.internal:1/rpc/shop/list?page=2"));

        Route next = routes.failover(first).orElseThrow();
        assertThat(next.upstream()).isEqualTo(B);
        assertThat(next.uri()).isEqualTo(URI.create("http://gw-b.internal:2/rpc/shop/list?page=2"));
        assertThat(routes.gatewayCount()).isEqualTo(2);
        assertThat(routes.failover(new Route(ProxyFixtures.REPOSITORY, URI.create("http://repo/x")))).isEmpty();
    }

    @Test
    void aGatewayThatFailedItsHealthProbeIsSkippedUntilTheDownTimeIsOver() {
        assertThat(group.upCount()).isEqualTo(3);
        group.markDown(B);
        assertThat(group.upCount()).isEqualTo(2);
        assertThat(List.of(group.pick(), group.pick(), group.pick())).containsExactly(A, C, C);

        nanos.addAndGet(GatewayGroup.DOWN_TIME.toNanos());
        assertThat(group.upCount()).isEqualTo(3);
    }
}
