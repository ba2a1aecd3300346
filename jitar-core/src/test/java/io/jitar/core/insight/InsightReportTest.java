package io.jitar.core.insight;

import static org.assertj.core.api.Assertions.assertThat;

import io.jitar.core.protocol.WireJson;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class InsightReportTest {

    private static final long MS = 1_000_000L;
    private static final SegmentLayout LAYOUT = new SegmentLayout(List.of());

    /** Over 10 s: 40 primes calls of 20 ms, 100 fingerprints of 2 ms each reading a note (0.5 ms) and signing remotely (1 ms). */
    private final List<InsightEdge> edges = List.of(
            edge(InsightEdge.RPC, "crunch/primes", false, 40, 800 * MS),
            edge(InsightEdge.RPC, "crunch/fingerprint", false, 100, 200 * MS),
            edge("crunch/fingerprint", "notes/get", false, 100, 50 * MS),
            new InsightEdge("crunch/fingerprint", "vault/sign", true, 100, 100 * MS, 0, 2, 12_000, 6_400, 30));

    private static InsightEdge edge(String caller, String callee, boolean remote, long calls, long nanos) {
        return new InsightEdge(caller, callee, remote, calls, nanos, 0, 0, 0, 0, 0);
    }

    @Test
    void proceduresAreRankedByTheirShareOfTheTimeSpentServingRpcCalls() {
        InsightReport report = InsightReport.of(edges, "5m", Duration.ofSeconds(10), LAYOUT);

        assertThat(report.window()).isEqualTo(new InsightReport.WindowInfo("5m", 10.0));
        assertThat(report.traffic()).isEqualTo(new InsightReport.Traffic(140, 14.0, 1000.0));
        assertThat(report.procedures()).extracting(ProcedureInsight::procedure)
                .containsExactly("crunch/primes", "crunch/fingerprint", "vault/sign", "notes/get");
        ProcedureInsight primes = report.procedures().get(0);
        assertThat(primes.shareOfTime()).isEqualTo(0.8);
        assertThat(primes.callsPerSecond()).isEqualTo(4.0);
        assertThat(primes.meanMs()).isEqualTo(20.0);
        assertThat(primes.runsHere()).isTrue();
        assertThat(primes.callees()).isEmpty();
    }

    @Test
    void aProcedureListsItsCalleesWithTheirCostAndRemoteCallsTheirBytes() {
        InsightReport report = InsightReport.of(edges, "5m", Duration.ofSeconds(10), LAYOUT);

        ProcedureInsight fingerprint = report.procedures().get(1);
        assertThat(fingerprint.rpcCalls()).isEqualTo(100);
        assertThat(fingerprint.shareOfTime()).isEqualTo(0.2);
        assertThat(fingerprint.callees()).containsExactly(
                new ProcedureInsight.CalleeInsight("vault/sign", true, 100, 10.0, 1.0, 2, 12_000, 6_400, 30),
                new ProcedureInsight.CalleeInsight("notes/get", false, 100, 10.0, 0.5, 0, 0, 0, 0));
        ProcedureInsight sign = report.procedures().get(2);
        assertThat(sign.runsHere()).isFalse();
        assertThat(sign.serverErrors()).isEqualTo(2);
        assertThat(sign.rpcCalls()).isZero();
        assertThat(report.byCallRate()).containsExactly("crunch/fingerprint", "notes/get", "vault/sign", "crunch/primes");
    }

    @Test
    void noTrafficGivesAnEmptyReportNotADivisionByZero() {
        InsightReport report = InsightReport.of(List.of(), "all", Duration.ZERO, LAYOUT);

        assertThat(report.procedures()).isEmpty();
        assertThat(report.traffic().rpcCalls()).isZero();
    }

    @Test
    void theReportIsJsonWithNamesAndCountsOnly() {
        String json = WireJson.jsonb().toJson(InsightReport.of(edges, "1m", Duration.ofSeconds(10), LAYOUT));

        assertThat(json).contains("\"window\":{\"requested\":\"1m\",\"seconds\":10.0}")
                .contains("\"procedure\":\"crunch/primes\"").contains("\"shareOfTime\":0.8")
                .contains("\"bytesSent\":12000").doesNotContain("fromRpc");
    }
}
