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
 * request. Whether the request may have been written is known from Jetty's begin event, which fires
 * once the request has a connection and starts out on it: more exact than guessing from exception
 * types. Not the commit event: Jetty notifies it after the write completed, and a worker that reads
 * the request and drops the connection can make the failure arrive first, so a sent request looked
 * unsent and a non-idempotent call could have been run twice (RequestForwarderTest caught it 1 in 6
 * runs on 2 busy cores).
 */
final class WorkerCall extends BufferingResponseListener {

    /** An answer larger than this is a failed call (502) rather than a gateway out of memory. */
    static final int MAX_ANSWER_BYTES = 64 * 1024 * 1024;

    private final CompletableFuture<WorkerAnswer> answer = new CompletableFuture<>();
    private volatile boolean begun;

    private WorkerCall() {
        super(MAX_ANSWER_BYTES);
    }

    /** Sends {@code request}; the future completes on one of the client's threads. */
    static CompletableFuture<WorkerAnswer> send(Request request) {
        WorkerCall call = new WorkerCall();
        request.onRequestBegin(started -> call.begun = true).send(call);
        return call.answer;
    }

    @Override
    public void onComplete(Result result) {
        if (result.isFailed()) {
            answer.completeExceptionally(ForwardingFailure.ofClientCall(result.getFailure(), begun));
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
