package io.jitar.worker.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jitar.core.http.PassThroughClients;
import io.jitar.core.protocol.RouteTable;
import io.jitar.core.remote.RemoteCallException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.client.HttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Direct calls and their failover against real sockets on loopback; the "gateway" is one more callee. */
class RemoteSenderTest {

    private static final String KEY = "sender-test-key";

    private final HttpClient client = PassThroughClients.start("sender-test", Duration.ofSeconds(1));
    private final AtomicLong nanos = new AtomicLong();
    private final DirectRoutes routes = new DirectRoutes(nanos::get);
    private final List<TestCallee> callees = new ArrayList<>();
    private final TestCallee gateway = keep(TestCallee.answering("gateway"));
    private final RemoteSender sender = new RemoteSender(client, Gateways.of(List.of(gateway.url())), KEY, routes, Duration.ofSeconds(5));

    @AfterEach
    void stop() {
        callees.forEach(TestCallee::close);
        PassThroughClients.stop(client);
    }

    private TestCallee keep(TestCallee callee) {
        callees.add(callee);
        return callee;
    }

    private static RouteTable.Route route(URI url, boolean idempotent) {
        return new RouteTable.Route(url.toString(), List.of("vault/reveal", "other/thing"),
                idempotent ? List.of("vault/reveal") : List.of());
    }

    private String call() throws Exception {
        return sender.send("vault/reveal", "1.0.0", "{\"label\":\"door\"}", null).get().body();
    }

    @Test
    void withoutRoutesEveryCallGoesThroughTheGatewayWithVersionKeyAndBody() throws Exception {
        assertThat(call()).isEqualTo("gateway /rpc/vault/reveal");

        assertThat(gateway.headers.get(0)).containsEntry("X-jitar-procedure-version", List.of("1.0.0"))
                .containsEntry("X-jitar-trust-key", List.of(KEY)).containsEntry("Content-type", List.of("application/json"));
        assertThat(gateway.bodies).containsExactly("{\"label\":\"door\"}");
    }

    @Test
    void theCallingProcedureIsNamedAndTheAnswerSaysItsSizesAndPath() throws Exception {
        RemoteAnswer viaGateway = sender.send("vault/reveal", "1.0.0", "{\"label\":\"dör\"}", "crunch/fingerprint").get();
        TestCallee callee = keep(TestCallee.answering("callee"));
        routes.update(new RouteTable(1, List.of(route(callee.url(), true))));
        RemoteAnswer direct = sender.send("vault/reveal", "1.0.0", "{}", null).get();

        assertThat(gateway.headers.get(0)).containsEntry("X-jitar-caller", List.of("crunch/fingerprint"));
        assertThat(viaGateway.sentBytes()).isEqualTo(16); // UTF-8: the ö is two bytes
        assertThat(viaGateway.receivedBytes()).isEqualTo("gateway /rpc/vault/reveal".length());
        assertThat(viaGateway.viaGateway()).isTrue();
        assertThat(callee.headers.get(0)).doesNotContainKey("X-jitar-caller");
        assertThat(direct.viaGateway()).isFalse();
        assertThat(direct.sentBytes()).isEqualTo(2);
    }

    @Test
    void aKnownCalleeIsCalledDirectlyRoundRobinAndTheGatewayNotAtAll() throws Exception {
        TestCallee first = keep(TestCallee.answering("first"));
        TestCallee second = keep(TestCallee.answering("second"));
        routes.update(new RouteTable(1, List.of(route(first.url(), true), route(second.url(), true))));

        List<String> answers = List.of(call(), call(), call(), call());

        assertThat(answers).containsExactly("first /rpc/vault/reveal", "second /rpc/vault/reveal",
                "first /rpc/vault/reveal", "second /rpc/vault/reveal");
        assertThat(gateway.calls).hasValue(0);
        assertThat(first.headers.get(0)).containsEntry("X-jitar-trust-key", List.of(KEY));
    }

    @Test
    void aRefusedCalleeIsMarkedDownAndTheCallGoesToTheNextOne() throws Exception {
        URI dead = TestCallee.refusing();
        TestCallee alive = keep(TestCallee.answering("alive"));
        routes.update(new RouteTable(1, List.of(route(dead, false), route(alive.url(), false))));

        assertThat(List.of(call(), call(), call())).containsOnly("alive /rpc/vault/reveal");
        assertThat(routes.isDown(dead)).isTrue();

        nanos.addAndGet(RemoteSender.DOWN_TIME.toNanos() + 1);
        assertThat(routes.isDown(dead)).as("the down mark runs out").isFalse();
    }

    @Test
    void whenEveryCalleeRefusesTheCallGoesThroughTheGateway() throws Exception {
        routes.update(new RouteTable(1, List.of(route(TestCallee.refusing(), false), route(TestCallee.refusing(), false))));

        assertThat(call()).isEqualTo("gateway /rpc/vault/reveal");
    }

    @Test
    void aCrashAfterSendingIsRetriedElsewhereOnlyForAnIdempotentProcedure() throws Exception {
        TestCallee crashing = keep(TestCallee.crashing("crashing"));
        TestCallee alive = keep(TestCallee.answering("alive"));
        routes.update(new RouteTable(1, List.of(route(crashing.url(), true), route(alive.url(), true))));

        assertThat(call()).isEqualTo("alive /rpc/vault/reveal");
        assertThat(crashing.calls).hasValue(1);

        routes.update(new RouteTable(2, List.of(route(crashing.url(), false))));
        assertThatThrownBy(this::call).isInstanceOf(ExecutionException.class).cause()
                .isInstanceOf(RemoteCallException.class)
                .hasMessage("A worker failed before answering procedure 'vault/reveal'; not retried elsewhere: it is not idempotent")
                .satisfies(error -> assertThat(((RemoteCallException) error).status()).isEqualTo(502));
        assertThat(gateway.calls).as("never run twice").hasValue(0);
    }

    @Test
    void aProcedureTheRoutesDoNotNameGoesThroughTheGateway() throws Exception {
        TestCallee callee = keep(TestCallee.answering("callee"));
        routes.update(new RouteTable(1, List.of(route(callee.url(), true))));

        assertThat(sender.send("shop/buy", "0.0.0", "{}", null).get().body()).isEqualTo("gateway /rpc/shop/buy");
        assertThat(callee.calls).hasValue(0);
    }

    @Test
    void anUnreachableGatewayIsGatewayUnavailable() {
        RemoteSender lost = new RemoteSender(client, Gateways.of(List.of(TestCallee.refusing())), null, null, Duration.ofSeconds(5));

        assertThatThrownBy(() -> lost.send("vault/reveal", "0.0.0", "{}", null).get()).cause()
                .isInstanceOf(GatewayUnavailableException.class).hasMessageContaining("unreachable");
    }

    @Test
    void aGatewayThatRefusesTheConnectionHandsTheCallToTheNextOneWhichStaysCurrent() throws Exception {
        URI dead = TestCallee.refusing();
        TestCallee second = keep(TestCallee.answering("second"));
        Gateways both = Gateways.of(List.of(dead, second.url()));
        RemoteSender twoGateways = new RemoteSender(client, both, null, null, Duration.ofSeconds(5));

        assertThat(twoGateways.send("vault/reveal", "0.0.0", "{}", null).get().body()).isEqualTo("second /rpc/vault/reveal");
        assertThat(both.current()).isEqualTo(second.url());
        assertThat(twoGateways.send("vault/reveal", "0.0.0", "{}", null).get().viaGateway()).isTrue();
        assertThat(second.calls).hasValue(2);
    }

    @Test
    void whenEveryGatewayRefusesTheCallIsGatewayUnavailableAfterTryingEachOnce() {
        Gateways none = Gateways.of(List.of(TestCallee.refusing(), TestCallee.refusing()));
        RemoteSender lost = new RemoteSender(client, none, null, null, Duration.ofSeconds(5));

        assertThatThrownBy(() -> lost.send("vault/reveal", "0.0.0", "{}", null).get()).cause()
                .isInstanceOf(GatewayUnavailableException.class).hasMessageContaining(none.all().get(1).toString());
    }

    @Test
    void aCallThatBrokeOffAtAGatewayGoesToTheNextOnlyWhenTheGatewaysSaidItIsIdempotent() throws Exception {
        TestCallee saysIdempotent = keep(TestCallee.answering("second", true));
        TestCallee crasher = keep(TestCallee.crashing("dying-gateway"));
        Gateways gateways = Gateways.of(List.of(saysIdempotent.url(), crasher.url()));
        RemoteSender sender = new RemoteSender(client, gateways, null, null, Duration.ofSeconds(5));
        assertThat(sender.send("vault/reveal", "0.0.0", "{}", null).get().body()).isEqualTo("second /rpc/vault/reveal");

        gateways.failed(saysIdempotent.url()); // the crasher is current now
        assertThat(sender.send("vault/reveal", "0.0.0", "{}", null).get().body()).isEqualTo("second /rpc/vault/reveal");
        assertThat(crasher.calls).hasValue(1);

        TestCallee saysNothing = keep(TestCallee.answering("plain"));
        Gateways others = Gateways.of(List.of(saysNothing.url(), crasher.url()));
        RemoteSender unsure = new RemoteSender(client, others, null, null, Duration.ofSeconds(5));
        assertThat(unsure.send("vault/reveal", "0.0.0", "{}", null).get().body()).isEqualTo("plain /rpc/vault/reveal");
        others.failed(saysNothing.url());
        assertThatThrownBy(() -> unsure.send("vault/reveal", "0.0.0", "{}", null).get()).cause()
                .isInstanceOf(GatewayUnavailableException.class);
        assertThat(saysNothing.calls).hasValue(1);
        assertThat(crasher.calls).hasValue(2);
    }
}
