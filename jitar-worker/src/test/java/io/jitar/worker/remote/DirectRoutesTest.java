package io.jitar.worker.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.jitar.core.protocol.RouteTable;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DirectRoutesTest {

    private static final URI A = URI.create("http://127.0.0.1:9001");
    private static final URI B = URI.create("http://127.0.0.1:9002/ctx/");

    private final AtomicLong nanos = new AtomicLong();
    private final DirectRoutes routes = new DirectRoutes(nanos::get);

    private static RouteTable table(long version, URI... urls) {
        return new RouteTable(version, java.util.Arrays.stream(urls)
                .map(url -> new RouteTable.Route(url.toString(), List.of("vault/reveal", "vault/seal"), List.of("vault/reveal")))
                .toList());
    }

    @Test
    void knowsNothingBeforeTheFirstTable() {
        assertThat(routes.isLoaded()).isFalse();
        assertThat(routes.targets("vault/reveal")).isNull();
    }

    @Test
    void listsTheCalleesOfEachProcedureInTheGatewaysOrderWithTheirRpcPathAndIdempotence() {
        routes.update(table(7, A, B));

        DirectRoutes.Target[] targets = routes.targets("vault/reveal");
        assertThat(routes.isLoaded()).isTrue();
        assertThat(targets).extracting(DirectRoutes.Target::url).containsExactly(A, B);
        assertThat(targets[1].rpcPath()).isEqualTo("/ctx/rpc/");
        assertThat(targets[1].port()).isEqualTo(9002);
        assertThat(targets).allMatch(DirectRoutes.Target::idempotent);
        assertThat(routes.targets("vault/seal")).noneMatch(DirectRoutes.Target::idempotent);
        assertThat(routes.targets("shop/buy")).isNull();
    }

    @Test
    void roundRobinCountsSurviveANewTable() {
        routes.update(table(1, A, B));
        assertThat(routes.nextStart("vault/reveal")).isZero();
        routes.update(table(2, A, B));

        assertThat(routes.nextStart("vault/reveal")).isEqualTo(1);
        assertThat(routes.nextStart("vault/seal")).isZero();
    }

    @Test
    void aDownMarkRunsOutAndIsDroppedWithACalleeThatLeftTheTable() {
        routes.update(table(1, A, B));
        routes.markDown(A, Duration.ofSeconds(2));
        routes.markDown(B, Duration.ofSeconds(2));

        routes.update(table(2, A));
        assertThat(routes.isDown(A)).as("still in the table: its mark runs on").isTrue();
        routes.update(table(3, A, B));
        assertThat(routes.isDown(B)).as("left and came back: no old mark").isFalse();

        nanos.addAndGet(Duration.ofSeconds(2).toNanos() + 1);
        assertThat(routes.isDown(A)).isFalse();
    }

    @Test
    void sentCallsAreCountedPerCalleeAndDrainedOnce() {
        routes.update(table(1, A, B));
        DirectRoutes.Target[] targets = routes.targets("vault/reveal");
        routes.countSent(targets[0]);
        routes.countSent(targets[0]);
        routes.countSent(targets[1]);

        assertThat(routes.drainSent()).isEqualTo(Map.of(A.toString(), 2L, B.toString(), 1L));
        assertThat(routes.drainSent()).isEmpty();
    }
}
