package io.jitar.worker.insight;

import io.jitar.core.insight.GraphHistory;
import io.jitar.core.insight.InsightEdge;
import io.jitar.core.insight.InsightReport;
import io.jitar.core.insight.InsightWindows;
import io.jitar.core.insight.SegmentLayout;
import io.jitar.worker.extension.ApplicationModel;
import jakarta.annotation.PostConstruct;
import io.jitar.core.protocol.ErrorBody;
import io.jitar.worker.config.WorkerJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code GET /jitar/insights[?window=1m|5m|15m|1h|all]}: the procedures of this process ranked by
 * their share of the time spent serving RPC calls and by call rate, with their callees, over the
 * window (default 5m), with the split advisor's proposal; see {@link InsightReport}. Names and
 * counts only: never argument values, URLs or keys. Any other parameter or window answers 400.
 */
@Path("insights")
@ApplicationScoped
public class InsightResource {

    @Inject
    InsightHistory history;
    @Inject
    ApplicationModel model;

    private SegmentLayout layout;

    @PostConstruct
    void prepare() {
        layout = model.layout();
    }
    @Inject
    @WorkerJson
    Jsonb jsonb;

    @GET
    public Response insights(@Context UriInfo uri) {
        Optional<String> problem = InsightWindows.problem(uri.getQueryParameters());
        if (problem.isPresent()) {
            return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ErrorBody(400, problem.get(), null).json()).build();
        }
        String requested = InsightWindows.requested(uri.getQueryParameters());
        Duration window = InsightWindows.duration(requested);
        GraphHistory.Window counted = history.window(window);
        InsightReport report = InsightReport.of(InsightEdge.of(history.graph(), counted.edges()), requested, counted.span(), layout);
        return Response.ok(jsonb.toJson(report), MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-store").build();
    }
}
