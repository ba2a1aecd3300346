package io.jitar.gateway.insight;

import static org.assertj.core.api.Assertions.assertThat;

import io.jitar.core.insight.InsightEdge;
import io.jitar.core.insight.InsightReport;
import io.jitar.core.insight.SegmentLayout;
import io.jitar.core.protocol.WireJson;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterInsightsTest {

    private static final long MS = 1_000_000L;
    private static final SegmentLayout LAYOUT = new SegmentLayout(List.of(new SegmentLayout.Segment("data",
            List.of(new SegmentLayout.Member("notes/get", "a.Notes", "get", "public", "0.0.0", "get", true)))));

    /** A worker's answer as the gateway reads it: JSON back to a record. */
    private static InsightReport fromWorker(double seconds, InsightEdge... edges) {
        InsightReport report = InsightReport.of(List.of(edges), "1m", Duration.ofMillis((long) (seconds * 1000)), LAYOUT);
        return WireJson.jsonb().fromJson(WireJson.jsonb().toJson(report), InsightReport.class);
    }

    @Test
    void theEdgesOfEveryWorkerThatAnsweredAreAddedUpAndTheOthersNamed() {
        InsightEdge heavy = new InsightEdge("crunch/fingerprint", "notes/get", true, 10, 30 * MS, 0, 1, 1_000, 2_000, 0);
        InsightEdge rpc = new InsightEdge(InsightEdge.RPC, "crunch/fingerprint", false, 10, 100 * MS, 0, 0, 0, 0, 0);
        InsightEdge served = new InsightEdge(InsightEdge.REMOTE_CALLER, "notes/get", false, 20, 10 * MS, 0, 0, 0, 0, 0);

        ClusterInsights insights = ClusterInsights.of(Arrays.asList(
                new ClusterInsights.Answer("aaaa", fromWorker(60, heavy, rpc)),
                new ClusterInsights.Answer("bbbb", fromWorker(59.5, heavy, rpc)),
                new ClusterInsights.Answer("cccc", fromWorker(61, served)),
                new ClusterInsights.Answer("dddd", null)), "1m");

        assertThat(insights.workers()).isEqualTo(new ClusterInsights.Coverage(4, 3, List.of("dddd")));
        assertThat(insights.window()).isEqualTo(new InsightReport.WindowInfo("1m", 61.0));
        assertThat(insights.traffic().rpcCalls()).isEqualTo(20);
        assertThat(insights.edges()).filteredOn(e -> e.caller().equals("crunch/fingerprint")).singleElement()
                .isEqualTo(new InsightEdge("crunch/fingerprint", "notes/get", true, 20, 60 * MS, 0, 2, 2_000, 4_000, 0));
        assertThat(insights.procedures()).filteredOn(p -> p.procedure().equals("notes/get")).singleElement()
                .satisfies(p -> {
                    assertThat(p.runsHere()).isTrue();
                    assertThat(p.calls()).isEqualTo(20); // its own runs, not again the callers' view
                    assertThat(p.meanMs()).isEqualTo(0.5);
                });
        assertThat(insights.layout()).isEqualTo(LAYOUT);
        assertThat(insights.advice().enoughTraffic()).isFalse();
    }
}
