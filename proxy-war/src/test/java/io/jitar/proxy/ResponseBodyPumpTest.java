package io.jitar.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.eclipse.jetty.io.Content;
import org.junit.jupiter.api.Test;

/**
 * The pump between Jetty's {@link Content.Source} and a non-blocking servlet output: every chunk
 * written in order and released, none read while the client cannot take it or while a demand is
 * pending, what arrived flushed when the upstream is slow, a failed answer aborted.
 */
class ResponseBodyPumpTest {

    private static final int CHUNK = 16 * 1024;

    private final RecordingExchange exchange = new RecordingExchange();
    private final ScriptedSource upstream = new ScriptedSource();
    private final SlowClient client = new SlowClient();
    private final ResponseBodyPump pump = new ResponseBodyPump(exchange, client, upstream);

    @Test
    void streamsEveryChunkInOrderAndReleasesIt() {
        pump.start();
        for (int i = 0; i < 5; i++) {
            upstream.offer(chunk(i, false));
        }
        upstream.offer(chunk(5, true));

        assertThat(client.bytes.toByteArray()).isEqualTo(expected(6));
        assertThat(upstream.released).isEqualTo(6);
        assertThat(exchange.calls).containsExactly("bodyComplete");
    }

    @Test
    void readsNothingWhileTheClientCannotTakeMore() {
        client.capacity = CHUNK; // takes one chunk, then is busy until take()
        pump.start();
        upstream.offer(chunk(0, false));
        upstream.offer(chunk(1, false));
        upstream.offer(chunk(2, true));

        assertThat(client.bytes.size()).isEqualTo(CHUNK);
        assertThat(upstream.reads).as("not one chunk read ahead of the client").isEqualTo(1);
        assertThat(upstream.released).isEqualTo(1);

        client.take();
        assertThat(upstream.reads).isEqualTo(2);
        client.take();
        client.take();

        assertThat(client.bytes.toByteArray()).isEqualTo(expected(3));
        assertThat(upstream.released).isEqualTo(3);
        assertThat(exchange.calls).containsExactly("bodyComplete");
    }

    @Test
    void flushesWhatArrivedWhileTheUpstreamIsSlow() {
        pump.start();
        upstream.offer(chunk(0, false));

        assertThat(client.flushes).isEqualTo(1);
        assertThat(upstream.demand).as("waiting for the upstream").isNotNull();
        int reads = upstream.reads;

        client.take(); // the container calls again: no read while the demand is pending
        assertThat(upstream.reads).isEqualTo(reads);

        upstream.offer(chunk(1, true));
        assertThat(client.bytes.toByteArray()).isEqualTo(expected(2));
        assertThat(exchange.calls).containsExactly("bodyComplete");
    }

    @Test
    void failedChunkAbortsTheAnswer() {
        pump.start();
        upstream.offer(chunk(0, false));
        upstream.offer(Content.Chunk.from(new IOException("connection reset")));

        assertThat(exchange.calls).containsExactly("abort");
        assertThat(client.bytes.size()).isEqualTo(CHUNK);
        assertThat(upstream.released).isEqualTo(1);
    }

    @Test
    void failureReportedByTheCallAbortsAlsoWhileADemandIsPending() {
        pump.start();
        upstream.offer(chunk(0, false));
        assertThat(upstream.demand).isNotNull();

        pump.upstreamFailed(new IOException("early EOF"));

        assertThat(exchange.calls).containsExactly("abort");
    }

    @Test
    void clientThatGoesAwayEndsThePumping() {
        client.capacity = CHUNK;
        pump.start();
        upstream.offer(chunk(0, false));
        upstream.offer(chunk(1, true));

        client.listener.onError(new IOException("client reset"));
        client.take();

        assertThat(exchange.calls).containsExactly("finish");
        assertThat(upstream.reads).isEqualTo(1);
    }

    @Test
    void emptyBodyCompletesWithoutWriting() {
        pump.start();
        upstream.offer(Content.Chunk.EOF);

        assertThat(client.bytes.size()).isZero();
        assertThat(client.flushes).isZero();
        assertThat(exchange.calls).containsExactly("bodyComplete");
    }

    // ---- fakes ----------------------------------------------------------------------------------

    private Content.Chunk chunk(int index, boolean last) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(CHUNK); // as Jetty's
        buffer.put(piece(index)).flip();
        return Content.Chunk.from(buffer, last, () -> upstream.released++);
    }

    private static byte[] piece(int index) {
        byte[] bytes = new byte[CHUNK];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (index * 31 + i);
        }
        return bytes;
    }

    private static byte[] expected(int pieces) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (int i = 0; i < pieces; i++) {
            all.writeBytes(piece(i));
        }
        return all.toByteArray();
    }

    private static final class RecordingExchange implements ResponseBodyPump.Exchange {

        final List<String> calls = new ArrayList<>();

        @Override
        public void progress() {
            // not recorded
        }

        @Override
        public void bodyComplete() {
            calls.add("bodyComplete");
        }

        @Override
        public void abort() {
            calls.add("abort");
        }

        @Override
        public void finish() {
            calls.add("finish");
        }
    }

    /** Chunks the test offers; like Jetty, a demand is called back when a chunk is there. */
    private static final class ScriptedSource implements Content.Source {

        final Deque<Content.Chunk> chunks = new ArrayDeque<>();
        Runnable demand;
        int reads;
        int released;

        void offer(Content.Chunk chunk) {
            chunks.add(chunk);
            Runnable callback = demand;
            demand = null;
            if (callback != null) {
                callback.run();
            }
        }

        @Override
        public Content.Chunk read() {
            Content.Chunk chunk = chunks.poll();
            if (chunk != null) {
                reads++;
            }
            return chunk;
        }

        @Override
        public void demand(Runnable callback) {
            if (demand != null) {
                throw new IllegalStateException("demand pending");
            }
            if (chunks.isEmpty()) {
                demand = callback;
            } else {
                callback.run();
            }
        }

        @Override
        public void fail(Throwable failure) {
            throw new UnsupportedOperationException();
        }
    }

    /** A client that takes {@code capacity} bytes, then is not ready until {@link #take()}. */
    private static final class SlowClient extends ServletOutputStream {

        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int capacity = Integer.MAX_VALUE;
        int flushes;
        WriteListener listener;
        private int buffered;
        private boolean ready = true;

        void take() {
            buffered = 0;
            ready = true;
            writePossible(listener);
        }

        @Override
        public boolean isReady() {
            return ready;
        }

        @Override
        public void setWriteListener(WriteListener writeListener) {
            listener = writeListener;
            writePossible(writeListener);
        }

        private static void writePossible(WriteListener listener) {
            try {
                listener.onWritePossible();
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (!ready) {
                throw new IllegalStateException("write while not ready");
            }
            bytes.write(b, off, len);
            buffered += len;
            ready = buffered < capacity;
        }

        @Override
        public void flush() {
            if (!ready) {
                throw new IllegalStateException("flush while not ready");
            }
            flushes++;
        }
    }
}
