package io.jitar.proxy;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Streams an upstream's response body to the client without blocking a thread on either side:
 * the HTTP client publishes the body in buffers ({@link Flow.Subscriber}), the container says when
 * the client can take more ({@link WriteListener}). One buffer list is requested at a time, and
 * only once everything before it is written, so a slow client slows the upstream down
 * (backpressure) instead of filling memory: at most one list of buffers (tens of KiB) per
 * exchange is held.
 *
 * <p>Both sides call in on their own threads; {@link #drain()} serializes the work: whoever finds
 * it idle runs it, everyone else leaves a note (the work counter) that makes it run once more.
 */
final class ResponseBodyPump implements Flow.Subscriber<List<ByteBuffer>> {

    /** Stops a body nobody wants any more; its upstream connection is closed, not pooled. */
    static final Flow.Subscriber<List<ByteBuffer>> CANCEL = new Flow.Subscriber<>() {
        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.cancel();
        }

        @Override
        public void onNext(List<ByteBuffer> item) {
            // cancelled: nothing arrives
        }

        @Override
        public void onError(Throwable throwable) {
            // nobody to tell
        }

        @Override
        public void onComplete() {
            // nobody to tell
        }
    };

    private static final System.Logger LOG = System.getLogger(ResponseBodyPump.class.getName());

    private final ProxyExchange exchange;
    private final ServletOutputStream out;
    private final Queue<ByteBuffer> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger work = new AtomicInteger();
    private volatile Flow.Subscription subscription;
    private volatile boolean writable;
    private volatile boolean requested;
    private volatile boolean upstreamComplete;
    private volatile Throwable upstreamError;
    private volatile boolean cancelled;
    private boolean flushed = true;
    private byte[] copy;

    ResponseBodyPump(ProxyExchange exchange, ServletOutputStream out) {
        this.exchange = exchange;
        this.out = out;
    }

    void start(Flow.Publisher<List<ByteBuffer>> body) {
        body.subscribe(this);
        out.setWriteListener(new ClientSide());
    }

    /** Stops the upstream body (its connection is closed) and writes nothing more. */
    void cancel() {
        cancelled = true;
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
    }

    // ---- the upstream side ----------------------------------------------------------------------

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (cancelled) {
            subscription.cancel();
            return;
        }
        drain();
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        pending.addAll(buffers);
        requested = false;
        exchange.progress();
        drain();
    }

    @Override
    public void onError(Throwable error) {
        upstreamError = error;
        drain();
    }

    @Override
    public void onComplete() {
        upstreamComplete = true;
        drain();
    }

    // ---- the client side ------------------------------------------------------------------------

    /** The container's side: when the client can take more, and when it went away. */
    private final class ClientSide implements WriteListener {

        @Override
        public void onWritePossible() {
            writable = true;
            drain();
        }

        /** The client went away or its connection broke: the upstream body is not needed any more. */
        @Override
        public void onError(Throwable error) {
            clientGone(error);
        }
    }

    // ---- moving bytes ---------------------------------------------------------------------------

    private void drain() {
        if (work.getAndIncrement() != 0) {
            return;
        }
        do {
            try {
                pump();
            } catch (IOException | RuntimeException e) {
                clientGone(e);
            }
        } while (work.decrementAndGet() != 0);
    }

    /** Writes what can be written now; runs on one thread at a time. */
    private void pump() throws IOException {
        if (cancelled || !writable) {
            return;
        }
        ByteBuffer next;
        while ((next = pending.peek()) != null) {
            if (!out.isReady()) {
                return; // the container calls onWritePossible when the client can take more
            }
            write(next);
            pending.poll();
            flushed = false;
            exchange.progress();
        }
        if (upstreamError != null) {
            LOG.log(System.Logger.Level.WARNING, () -> "The upstream's answer broke off: " + upstreamError);
            cancelled = true;
            exchange.abort();
            return;
        }
        if (upstreamComplete) {
            cancelled = true;
            exchange.finish();
            return;
        }
        if (!requested && subscription != null) {
            requested = true;
            subscription.request(1); // may deliver at once, on this thread: drain() then runs again
        }
        if (pending.isEmpty() && !flushed && out.isReady()) {
            // Waiting for the upstream: pass on what we have, its bytes must not sit in a buffer here.
            flushed = true;
            out.flush();
        }
    }

    private void clientGone(Throwable error) {
        LOG.log(System.Logger.Level.DEBUG, () -> "The client went away during an answer: " + error);
        cancel();
        exchange.finish();
    }

    private void write(ByteBuffer buffer) throws IOException {
        int length = buffer.remaining();
        if (buffer.hasArray()) {
            out.write(buffer.array(), buffer.arrayOffset() + buffer.position(), length);
        } else {
            if (copy == null || copy.length < length) {
                copy = new byte[Math.max(length, 16 * 1024)];
            }
            buffer.get(copy, 0, length);
            out.write(copy, 0, length);
        }
    }
}
