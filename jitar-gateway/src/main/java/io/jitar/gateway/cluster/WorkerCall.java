package io.jitar.gateway.cluster;

import io.jitar.core.http.ForwardingFailure;
import org.eclipse.jetty.client.BufferingResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpField;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One request to one worker, its answer buffered whole, its failure stated by
 * {@link ForwardingFailure#ofClientCall}, which decides whether another worker may take the
 * request. Jetty reports whether the request was written through its commit event, which is more
 * exact than guessing from exception types.
 */
final class WorkerCall extends BufferingResponseListener {

    /** An answer larger than this is a failed call (502) rather than a gateway out of memory. */
    static final int MAX_ANSWER_BYTES = 64 * 1024 * 1024;

    private final CompletableFuture<WorkerAnswer> answer = new CompletableFuture<>();
    private volatile boolean committed;

    private WorkerCall() {
        super(MAX_ANSWER_BYTES);
    }

    /** Sends {@code request}; the future completes on one of the client's threads. */
    static CompletableFuture<WorkerAnswer> send(Request request) {
        WorkerCall call = new WorkerCall();
        request.onRequestCommit(sent -> call.committed = true).send(call);
        return call.answer;
    }

    @Override
    public void onComplete(Result result) {
        if (result.isFailed()) {
            answer.completeExceptionally(ForwardingFailure.ofClientCall(result.getFailure(), committed));
            return;
        }
        byte[] body = getContent();
        answer.complete(new WorkerAnswer(result.getResponse().getStatus(), headers(result), body));
    }

    private static Map<String, List<String>> headers(Result result) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField field : result.getResponse().getHeaders()) {
            headers.computeIfAbsent(field.getName(), name -> new ArrayList<>(1)).add(field.getValue());
        }
        return headers;
    }
}
