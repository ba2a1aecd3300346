package io.jitar.gateway.insight;

import io.jitar.core.insight.InsightReport;
import io.jitar.core.insight.InsightWindows;
import io.jitar.errors.BadRequestException;
import io.jitar.gateway.cluster.PublicWorkerId;
import io.jitar.gateway.cluster.RegisteredWorker;
import io.jitar.gateway.cluster.WorkerRegistry;
import io.jitar.gateway.http.JsonSupport;
import io.jitar.gateway.rpc.ForwardingClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.client.BufferingResponseListener;
import org.eclipse.jetty.client.Result;

/**
 * {@code GET /cluster/insights[?window=1m|5m|15m|1h|all]}: the insights of every registered worker
 * added up ({@link ClusterInsights}). Read-only and free of URLs and keys like {@code /cluster}, so
 * the proxy shows it where it shows {@code /cluster}. Each worker is asked at once, over the
 * forwarding client's pooled connections, and given {@link #TIMEOUT}; a worker that does not
 * answer in time is listed as missing rather than holding up the answer.
 */
@Path("cluster/insights")
@ApplicationScoped
public class ClusterInsightsResource {

    static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final int MAX_REPORT_BYTES = 16 * 1024 * 1024;
    private static final Logger LOG = Logger.getLogger(ClusterInsightsResource.class.getName());

    @Inject
    WorkerRegistry registry;
    @Inject
    ForwardingClient http;
    @Inject
    JsonSupport json;

    @GET
    public CompletionStage<Response> insights(@Context UriInfo uri) {
        InsightWindows.problem(uri.getQueryParameters()).ifPresent(problem -> {
            throw new BadRequestException(problem); // answered by GatewayExceptionMapper, as every 400 here
        });
        String window = InsightWindows.requested(uri.getQueryParameters());
        List<CompletableFuture<ClusterInsights.Answer>> answers = registry.workers().stream()
                .map(worker -> ask(worker, window)).toList();
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).thenApply(done -> {
            ClusterInsights insights = ClusterInsights.of(answers.stream().map(CompletableFuture::join).toList(), window);
            return Response.ok(json.toJson(insights), MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-store").build();
        });
    }

    private CompletableFuture<ClusterInsights.Answer> ask(RegisteredWorker worker, String window) {
        String publicId = PublicWorkerId.of(worker.id());
        String base = worker.url().toString();
        String url = (base.endsWith("/") ? base : base + "/") + "jitar/insights?window=" + window;
        CompletableFuture<ClusterInsights.Answer> answer = new CompletableFuture<>();
        http.client().newRequest(url).timeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .send(new BufferingResponseListener(MAX_REPORT_BYTES) {
                    @Override
                    public void onComplete(Result result) {
                        answer.complete(new ClusterInsights.Answer(publicId, report(result, publicId)));
                    }

                    private InsightReport report(Result result, String id) {
                        if (result.isFailed() || result.getResponse().getStatus() != 200) {
                            LOG.fine(() -> "Worker " + id + " gave no insights: "
                                    + (result.isFailed() ? result.getFailure() : "status " + result.getResponse().getStatus()));
                            return null;
                        }
                        try {
                            return json.fromJson(getContentAsString(StandardCharsets.UTF_8), InsightReport.class);
                        } catch (JsonbException e) {
                            LOG.log(Level.FINE, "Worker " + id + " answered insights the gateway cannot read", e);
                            return null;
                        }
                    }
                });
        return answer;
    }
}
