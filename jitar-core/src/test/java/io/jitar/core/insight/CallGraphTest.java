package io.jitar.core.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jitar.errors.BadRequestException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class CallGraphTest {

    private final CallGraph graph = CallGraph.of(List.of("crunch/fingerprint", "notes/get", "vault/sign"),
            Set.of("crunch/fingerprint", "notes/get"));
    private final int fingerprint = graph.id("crunch/fingerprint");
    private final int notes = graph.id("notes/get");
    private final int sign = graph.id("vault/sign");

    @Test
    void anRpcCallAndTheLocalCallItMakesAreTwoEdges() throws Throwable {
        Object result = graph.invoke(fingerprint, true, arguments -> graph.invoke(notes, false, inner -> "note", arguments),
                new Object[0]);

        assertThat(result).isEqualTo("note");
        assertThat(graph.snapshot(0).edges())
                .extracting(EdgeTotals::caller, EdgeTotals::callee, EdgeTotals::calls)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(CallGraph.OUTSIDE, fingerprint, 1L),
                        org.assertj.core.groups.Tuple.tuple(fingerprint, notes, 1L));
        assertThat(graph.current()).isEqualTo(CallGraph.UNKNOWN);
    }

    @Test
    void theCallerIsRestoredAfterAFailureAndTheFailureIsCountedByStatus() {
        assertThatThrownBy(() -> graph.invoke(fingerprint, true, arguments -> {
            assertThat(graph.current()).isEqualTo(fingerprint);
            throw new BadRequestException("no");
        }, new Object[0])).isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> graph.invoke(fingerprint, true, arguments -> {
            throw new IllegalStateException("bug");
        }, new Object[0])).isInstanceOf(IllegalStateException.class);

        EdgeTotals edge = graph.snapshot(0).edges().get(0);
        assertThat(edge.calls()).isEqualTo(2);
        assertThat(edge.clientErrors()).isEqualTo(1);
        assertThat(edge.serverErrors()).isEqualTo(1);
        assertThat(graph.current()).isEqualTo(CallGraph.UNKNOWN);
    }

    @Test
    void anAsynchronousResultIsTimedUntilItCompletesAndReturnedUnchanged() throws Throwable {
        CompletableFuture<String> later = new CompletableFuture<>();

        Object result = graph.invoke(notes, true, arguments -> later, new Object[0]);

        assertThat(result).isSameAs(later);
        assertThat(graph.snapshot(0).edges().get(0).calls()).isZero();
        later.complete("done");
        EdgeTotals edge = graph.snapshot(0).edges().get(0);
        assertThat(edge.calls()).isEqualTo(1);
        assertThat(edge.nanos()).isPositive();
    }

    @Test
    void remoteEdgesCountBytesAndCallsThroughTheGateway() {
        CallCounters edge = graph.edge(fingerprint, sign);
        edge.recordRemote(1_000, 200, 120, 64, true);

        EdgeTotals totals = graph.snapshot(0).edges().get(0);
        assertThat(totals).isEqualTo(new EdgeTotals(fingerprint, sign, 1, 1_000, 0, 0, 120, 64, 1));
        assertThat(graph.isLocal(sign)).isFalse();
        assertThat(graph.isLocal(notes)).isTrue();
    }

    @Test
    void remoteEdgesGetTheirMeterOnceAndLocalEdgesNone() {
        java.util.List<String> made = new java.util.ArrayList<>();
        java.util.List<String> recorded = new java.util.ArrayList<>();
        graph.remoteMeters((caller, callee) -> {
            made.add(caller + "->" + callee);
            return (nanos, status, sent, received, viaGateway) -> recorded.add(nanos + " " + status + " " + sent + " " + received + " " + viaGateway);
        });

        graph.edge(fingerprint, sign).recordRemote(2_000, 502, 10, 0, false);
        graph.edge(fingerprint, sign).recordRemote(3_000, 200, 10, 5, true);
        graph.edge(fingerprint, notes).record(1_000, 200);
        graph.edge(CallGraph.UNKNOWN, sign).recordRemote(4_000, 200, 1, 1, false);

        assertThat(made).containsExactly("crunch/fingerprint->vault/sign", "(no procedure)->vault/sign");
        assertThat(recorded).containsExactly("2000 502 10 0 false", "3000 200 10 5 true", "4000 200 1 1 false");
    }

    @Test
    void callsOnAThreadOutsideAnyProcedureHaveAnUnknownCaller() throws Throwable {
        graph.invoke(notes, false, arguments -> null, new Object[0]);

        assertThat(graph.snapshot(0).edges().get(0).caller()).isEqualTo(CallGraph.UNKNOWN);
        assertThat(graph.name(CallGraph.UNKNOWN)).isEqualTo("(no procedure)");
        assertThat(graph.name(CallGraph.OUTSIDE)).isEqualTo(InsightEdge.RPC);
    }

    @Test
    void onlyProceduresOfTheSegmentFilesHaveIds() {
        assertThatThrownBy(() -> graph.id("flood/x1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("flood/x1");
        assertThat(graph.size()).isEqualTo(3);
    }
}
