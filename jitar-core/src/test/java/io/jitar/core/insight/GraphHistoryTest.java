package io.jitar.core.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GraphHistoryTest {

    private static final long SECOND = 1_000_000_000L;

    private final CallGraph graph = CallGraph.of(List.of("a/run"), Set.of("a/run"));
    private final CallCounters edge = graph.edge(CallGraph.OUTSIDE, graph.id("a/run"));
    private final GraphHistory history = new GraphHistory(graph, 0);

    @Test
    void aWindowCountsOnlyTheCallsSinceTheNewestSnapshotThatOld() {
        for (int second = 15; second <= 600; second += 15) {
            edge.record(SECOND, 200); // one call per 15 s
            history.record(second * SECOND);
        }
        edge.record(SECOND, 200);

        GraphHistory.Window last = history.window(Duration.ofMinutes(1), 610 * SECOND);
        assertThat(last.span()).isEqualTo(Duration.ofSeconds(70)); // from the snapshot at 540 s
        assertThat(last.edges()).singleElement().extracting(EdgeTotals::calls).isEqualTo(5L);

        GraphHistory.Window all = history.window(null, 610 * SECOND);
        assertThat(all.span()).isEqualTo(Duration.ofSeconds(610));
        assertThat(all.edges()).singleElement().extracting(EdgeTotals::calls).isEqualTo(41L);
    }

    @Test
    void aWindowLongerThanTheProcessHasRunCountsFromStart() {
        edge.record(SECOND, 200);
        history.record(15 * SECOND);

        GraphHistory.Window window = history.window(Duration.ofMinutes(5), 20 * SECOND);

        assertThat(window.span()).isEqualTo(Duration.ofSeconds(20));
        assertThat(window.edges()).singleElement().extracting(EdgeTotals::calls).isEqualTo(1L);
    }

    @Test
    void edgesWithoutCallsInTheWindowAreLeftOut() {
        edge.record(SECOND, 200);
        history.record(15 * SECOND);

        assertThat(history.window(Duration.ofSeconds(1), 20 * SECOND).edges()).isEmpty();
    }

    @Test
    void onlyAnHourOfSnapshotsIsKept() {
        for (int second = 15; second <= 3 * 3600; second += 15) {
            edge.record(SECOND, 200);
            history.record(second * SECOND);
        }
        // The oldest kept is an hour old: a window of an hour still covers an hour, not since start.
        GraphHistory.Window hour = history.window(Duration.ofHours(1), 3 * 3600 * SECOND);
        assertThat(hour.span()).isEqualTo(Duration.ofHours(1));
        assertThat(hour.edges()).singleElement().extracting(EdgeTotals::calls).isEqualTo(240L);
    }
}
