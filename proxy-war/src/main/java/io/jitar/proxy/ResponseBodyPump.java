package io.jitar.proxy;

import java.util.logging.Level;
import java.util.logging.Logger;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.io.Content;

/**
 * Streams an upstream's response body to the client without blocking a thread on either side:
 * the HTTP client's {@link Content.Source} gives the body in chunks when asked ({@code read()},
 * {@code demand()}), the container says when the client can take more ({@link WriteListener}). A
 * chunk is read only when the client can take it, written at once and released, so a slow client
 * slows the upstream down (backpressure: Jetty reads no further from the socket) instead of
 * filling memory, and no chunk is held between writes.
 *
 * <p>Both sides call in on their own threads; {@link #drain()} serializes the work: whoever finds
 * it idle runs it, everyone else leaves a note (the work counter) that makes it run once more.
 */
final class ResponseBodyPump {

    /** What the pump reports to: its {@link ProxyExchange}. */
    interface Exchange {

        /** Bytes moved: the exchange is not idle. */
        void progress();

        /** The whole body was written. */
        void bodyComplete();

        /** The answer broke off upstream: the client must see it broken. */
        void abort();

        /** The client is gone: nothing more to do. */
        void finish();
    }

    private static final Logger LOG = Logger.getLogger(ResponseBodyPump.class.getName());

    private final Exchange exchange;
    private final ServletOutputStream out;
    private final Content.Source body;
    private final AtomicInteger work = new AtomicInteger();
    private final Runnable onContent = this::contentArrived;
    private volatile boolean writable;
    private volatile boolean demanded;
    private volatile Throwable upstreamError;
    private volatile boolean cancelled;
    private boolean flushed = true;
    private byte[] copy;

    ResponseBodyPump(Exchange exchange, ServletOutputStream out, Content.Source body) {
        this.exchange = exchange;
        this.out = out;
        this.body = body;
    }

    void start() {
        out.setWriteListener(new ClientSide());
    }

    /** Writes nothing more; the exchange aborts the upstream call, which fails the body. */
    void cancel() {
        cancelled = true;
    }

    /** The upstream's answer broke off (reported by the call, in case no failed chunk comes). */
    void upstreamFailed(Throwable error) {
        upstreamError = error;
        drain();
    }

    // ---- the upstream side ----------------------------------------------------------------------

    /** Jetty's demand callback: a chunk (or the end, or a failure) can be read now. */
    private void contentArrived() {
        demanded = false;
        exchange.progress();
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
        if (cancelled) {
            return;
        }
        if (upstreamError != null) {
            broke(upstreamError);
            return;
        }
        // Never read while a demand is pending: Jetty reads for it and calls back, and two readers
        // of one connection would race. Not writable: onWritePossible calls again.
        while (writable && !demanded && out.isReady()) {
            Content.Chunk chunk = body.read();
            if (chunk == null) {
                waitForUpstream();
                return;
            }
            try {
                if (Content.Chunk.isFailure(chunk)) {
                    broke(chunk.getFailure());
                    return;
                }
                if (chunk.hasRemaining()) {
                    write(chunk.getByteBuffer());
                    flushed = false;
                    exchange.progress();
                }
            } finally {
                chunk.release(); // written: the container copied what it could not send yet
            }
            if (chunk.isLast()) {
                cancelled = true;
                exchange.bodyComplete();
                return;
            }
        }
    }

    /** Nothing to read now: pass on what the client has not got yet, and ask for a call when there is. */
    private void waitForUpstream() throws IOException {
        if (!flushed) {
            // The upstream's bytes must not sit in a buffer here while it is slow.
            flushed = true;
            out.flush();
        }
        demanded = true;
        body.demand(onContent); // may call back at once, on this thread: drain() then runs again
    }

    private void broke(Throwable error) {
        LOG.log(Level.WARNING, () -> "The upstream's answer broke off: " + error);
        cancelled = true;
        exchange.abort();
    }

    private void clientGone(Throwable error) {
        LOG.log(Level.FINE, () -> "The client went away during an answer: " + error);
        cancelled = true;
        exchange.finish();
    }

    private void write(ByteBuffer buffer) throws IOException {
        int length = buffer.remaining();
        if (buffer.hasArray()) {
            out.write(buffer.array(), buffer.arrayOffset() + buffer.position(), length);
        } else {
            // Jetty's buffers are direct; the servlet API writes arrays. One copy buffer per exchange.
            if (copy == null || copy.length < length) {
                copy = new byte[Math.max(length, 16 * 1024)];
            }
            buffer.get(copy, 0, length);
            out.write(copy, 0, length);
        }
    }
}
