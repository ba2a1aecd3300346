package io.jitar.core.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SplitAdvisorTest {

    private static final long MS = 1_000_000L;
    private static final String CRUNCH = "io.jitar.examples.showcase.crunch.Crunch";

    private static final SegmentLayout LAYOUT = new SegmentLayout(List.of(
            new SegmentLayout.Segment("data", List.of(member("notes/get", "io.jitar.examples.showcase.notes.Notes", "get", true))),
            new SegmentLayout.Segment("heavy", List.of(member("crunch/primes", CRUNCH, "primes", true),
                    member("crunch/fingerprint", CRUNCH, "fingerprint", true), member("crunch/hashChain", CRUNCH, "hashChain", false),
                    new SegmentLayout.Member("crunch/salt", CRUNCH, "salt", "private", "1.0.0", "salt", false))),
            new SegmentLayout.Segment("protected", List.of(member("vault/sign", "io.jitar.examples.showcase.vault.Vault", "sign", true)))));

    private static SegmentLayout.Member member(String fqn, String type, String method, boolean idempotent) {
        return new SegmentLayout.Member(fqn, type, method, "public", "0.0.0", method, idempotent);
    }

    private static InsightEdge edge(String caller, String callee, long calls, long nanos) {
        return new InsightEdge(caller, callee, false, calls, nanos, 0, 0, 0, 0, 0);
    }

    @Test
    void aHotProcedureWithoutCalleesIsSplitOffAtNoCrossSegmentCost() {
        InsightReport report = InsightReport.of(List.of(
                edge(InsightEdge.RPC, "crunch/primes", 400, 8_000 * MS),
                edge(InsightEdge.RPC, "crunch/fingerprint", 100, 1_500 * MS),
                edge("crunch/fingerprint", "notes/get", 100, 100 * MS),
                edge("crunch/fingerprint", "vault/sign", 100, 50 * MS),
                edge(InsightEdge.RPC, "crunch/hashChain", 50, 500 * MS),
                edge("crunch/hashChain", "vault/sign", 50, 25 * MS)), "5m", Duration.ofSeconds(10), LAYOUT);

        Advice advice = report.advice();

        assertThat(advice.enoughTraffic()).isTrue();
        assertThat(advice.proposals()).singleElement().satisfies(p -> {
            assertThat(p.segment()).isEqualTo("crunch-primes");
            assertThat(p.procedures()).containsExactly("crunch/primes");
            assertThat(p.crossCallsPerSecond()).isZero();
            assertThat(p.addedMsPerEntryCall()).isZero();
            assertThat(p.costBasis()).isEqualTo("benchmark");
            assertThat(p.files()).containsOnlyKeys("heavy.json", "crunch-primes.json");
            assertThat(p.files().get("crunch-primes.json")).isEqualTo(Map.of(CRUNCH, Map.of("primes",
                    Map.of("access", "public", "idempotent", true))));
            assertThat(p.files().get("heavy.json").get(CRUNCH)).containsOnlyKeys("fingerprint", "hashChain", "salt");
            assertThat(p.files().get("heavy.json").get(CRUNCH).get("salt")).isEqualTo(Map.of("access", "private", "version", "1.0.0"));
        });
        assertThat(advice.words()).containsExactly("crunch/primes: 80% of time at 40.0 calls/s; split into segment crunch-primes"
                + " with its own workers; predicted cost: 0 cross-segment calls (0.0/s, 0.00 per entry call, +0.00 ms per entry call)");
    }

    @Test
    void aHotProcedureTakesItsPrivateHelperAlongAndIsCostedByTheCallsThatWouldCross() {
        InsightReport report = InsightReport.of(List.of(
                edge(InsightEdge.RPC, "crunch/fingerprint", 200, 4_000 * MS),
                edge("crunch/fingerprint", "crunch/salt", 400, 200 * MS),       // only fingerprint calls it: moves along
                edge("crunch/fingerprint", "notes/get", 200, 100 * MS),         // in-process today: bytes unknown
                new InsightEdge("crunch/fingerprint", "vault/sign", true, 200, 300 * MS, 0, 0, 40_000, 20_000, 0),
                edge(InsightEdge.RPC, "crunch/hashChain", 100, 1_000 * MS),
                edge(InsightEdge.RPC, "notes/get", 50, 50 * MS)), "1m", Duration.ofSeconds(20), LAYOUT);

        SplitProposal proposal = report.advice().proposals().get(0);

        assertThat(proposal.procedures()).containsExactly("crunch/fingerprint", "crunch/salt");
        assertThat(proposal.crossCallsPerSecond()).isEqualTo(20.0);      // 400 calls to notes/get and vault/sign in 20 s
        assertThat(proposal.crossCallsPerEntryCall()).isEqualTo(2.0);
        assertThat(proposal.bytesPerSecond()).isEqualTo(3_000.0);        // the measured remote call: 60,000 B in 20 s
        assertThat(proposal.unmeasuredCallsPerSecond()).isEqualTo(10.0); // notes/get
        assertThat(proposal.addedMsPerEntryCall()).isEqualTo(0.38); // 2 per entry call at the benchmark's 0.19 ms
        assertThat(proposal.files().get("crunch-fingerprint.json").get(CRUNCH)).containsOnlyKeys("fingerprint", "salt");
        assertThat(proposal.advice()).startsWith("crunch/fingerprint: 79% of time at 10.0 calls/s; split with crunch/salt into"
                + " segment crunch-fingerprint");
    }

    @Test
    void aLiveRemoteCallCostIsUsedWhenTheCalleesOwnRunIsKnown() {
        InsightReport report = InsightReport.of(List.of(
                edge(InsightEdge.RPC, "crunch/fingerprint", 200, 4_000 * MS),
                new InsightEdge("crunch/fingerprint", "notes/get", true, 200, 400 * MS, 0, 0, 0, 0, 0), // 2 ms as seen by the caller
                edge(InsightEdge.REMOTE_CALLER, "notes/get", 200, 100 * MS),                           // 0.5 ms of its own
                edge(InsightEdge.RPC, "crunch/hashChain", 100, 1_000 * MS)), "5m", Duration.ofSeconds(10), LAYOUT);

        SplitProposal proposal = report.advice().proposals().get(0);

        assertThat(proposal.costBasis()).isEqualTo("live");
        assertThat(proposal.remoteCallMs()).isEqualTo(1.5);
        assertThat(report.procedures().stream().filter(p -> p.procedure().equals("notes/get")).findFirst().orElseThrow().calls())
                .isEqualTo(200); // counted once: its own run, not again from the caller's view
    }

    @Test
    void littleTrafficGetsNoAdviceButSaysWhy() {
        InsightReport report = InsightReport.of(List.of(edge(InsightEdge.RPC, "crunch/primes", 99, 990 * MS)), "5m",
                Duration.ofSeconds(30), LAYOUT);

        assertThat(report.advice().enoughTraffic()).isFalse();
        assertThat(report.advice().proposals()).isEmpty();
        assertThat(report.advice().words()).containsExactly("Not enough traffic to advise: 99 RPC calls in 30 s; at least 100 are needed");
    }

    @Test
    void aProcedureAloneInItsSegmentIsToldToScaleNotToSplit() {
        InsightReport report = InsightReport.of(List.of(edge(InsightEdge.RPC, "notes/get", 300, 900 * MS),
                edge(InsightEdge.RPC, "crunch/hashChain", 100, 100 * MS)), "5m", Duration.ofSeconds(10), LAYOUT);

        assertThat(report.advice().proposals()).isEmpty();
        assertThat(report.advice().words()).containsExactly(
                "notes/get: 90% of time at 30.0 calls/s; already alone in segment data: give that segment its own workers");
    }
}
