package io.jitar.core.gateway;

import org.eclipse.jetty.client.BufferingResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpField;

import java.io.IOException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

/**
 * One request to one worker, its answer buffered whole, its failure stated in the terms of
 * {@link ForwardingFailure}, which decides whether another worker may take the request:
 * <ul>
 *   <li>the request timed out (a {@link TimeoutException} in the chain): kept as it is, TIMED_OUT;</li>
 *   <li>it failed before its first byte was written: a {@link ConnectException}, NOT_CONNECTED,
 *       whatever the cause (refused, connect timeout, a pooled connection found closed): the worker
 *       cannot have seen it;</li>
 *   <li>anything else after that: an {@link IOException}, BROKEN_AFTER_SENDING.</li>
 * </ul>
 * Jetty reports whether the request was written through its commit event, which is more exact
 * than guessing from exception types.
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
            answer.completeExceptionally(failure(result.getFailure(), committed));
            return;
        }
        byte[] body = getContent();
        answer.complete(new WorkerAnswer(result.getResponse().getStatus(), headers(result), body));
    }

    static Throwable failure(Throwable error, boolean committed) {
        if (timedOut(error)) {
            return error;
        }
        if (!committed) {
            ConnectException notSent = new ConnectException("Request not sent: " + error);
            notSent.initCause(error);
            return notSent;
        }
        return error instanceof IOException ? error : new IOException("Connection failed after sending: " + error, error);
    }

    private static boolean timedOut(Throwable error) {
        Throwable current = error;
        for (int depth = 0; current != null && depth < 16; depth++) {
            if (current instanceof TimeoutException) {
                return true;
            }
            current = current.getCause();
        }
        return false;
    }

    private static Map<String, List<String>> headers(Result result) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField field : result.getResponse().getHeaders()) {
            headers.computeIfAbsent(field.getName(), name -> new ArrayList<>(1)).add(field.getValue());
        }
        return headers;
    }
}
