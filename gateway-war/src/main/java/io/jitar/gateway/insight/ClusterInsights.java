package io.jitar.gateway.insight;

import io.jitar.core.insight.Advice;
import io.jitar.core.insight.InsightEdge;
import io.jitar.core.insight.SegmentLayout;
import io.jitar.core.insight.InsightReport;
import io.jitar.core.insight.ProcedureInsight;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code /cluster/insights} answers: the report of {@code /jitar/insights} built from the
 * edges of every worker that answered, added up, and which workers did not (by their public id:
 * an original Jitar worker has no insights, a dying one may not answer in time). The window covers
 * the longest span a worker gave.
 */
public record ClusterInsights(Coverage workers, InsightReport.WindowInfo window, InsightReport.Traffic traffic,
                              List<ProcedureInsight> procedures, List<String> byCallRate, Advice advice,
                              List<InsightEdge> edges, SegmentLayout layout) {

    /** How many registered workers were asked and answered, and the public ids of those that did not. */
    public record Coverage(int asked, int answered, List<String> missing) {
    }

    /** One worker's answer: its report, or {@code null} with the worker's public id. */
    public record Answer(String publicId, InsightReport report) {
    }

    public static ClusterInsights of(List<Answer> answers, String requested) {
        List<InsightEdge> edges = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        double seconds = 0;
        SegmentLayout layout = new SegmentLayout(List.of());
        for (Answer answer : answers) {
            if (answer.report() == null || answer.report().edges() == null) {
                missing.add(answer.publicId());
                continue;
            }
            edges.addAll(answer.report().edges());
            seconds = Math.max(seconds, answer.report().window().seconds());
            if (layout.segments().isEmpty() && answer.report().layout() != null) {
                layout = answer.report().layout(); // one build: every worker has the same segment files
            }
        }
        InsightReport report = InsightReport.of(InsightEdge.merge(edges), requested, Duration.ofNanos((long) (seconds * 1e9)), layout);
        return new ClusterInsights(new Coverage(answers.size(), answers.size() - missing.size(), List.copyOf(missing)),
                report.window(), report.traffic(), report.procedures(), report.byCallRate(), report.advice(), report.edges(), layout);
    }
}
