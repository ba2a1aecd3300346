package io.jitar.proxy;

import java.util.logging.Level;
import java.util.logging.Logger;
import io.jitar.proxy.routing.BodyBuffer;
import io.jitar.proxy.routing.BodyTooLargeException;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;

/**
 * Collects a request body without blocking: the container calls in when bytes have arrived, so a
 * slow client holds no thread. The body goes into a buffer bounded by {@code jitar.max-body-size},
 * and is sent upstream only once it is complete: a body over the limit gets 413 and not one byte
 * of it reaches an upstream. Bodies are small by design (JSON arguments; the gateway and the
 * worker hold them whole anyway), so one buffered copy costs less than a streamed upload would
 * risk.
 */
final class RequestBodyReader implements ReadListener {

    private static final Logger LOG = Logger.getLogger(RequestBodyReader.class.getName());
    private static final int CHUNK = 8 * 1024;

    private final ProxyExchange exchange;
    private final ServletInputStream in;
    private final BodyBuffer body;
    private byte[] chunk;

    RequestBodyReader(ProxyExchange exchange, ServletInputStream in, BodyBuffer body) {
        this.exchange = exchange;
        this.in = in;
        this.body = body;
    }

    @Override
    public void onDataAvailable() throws IOException {
        if (chunk == null) {
            chunk = new byte[CHUNK];
        }
        while (exchange.isReading() && in.isReady()) {
            int read = in.read(chunk);
            if (read < 0) {
                return;
            }
            exchange.progress();
            try {
                body.append(chunk, 0, read);
            } catch (BodyTooLargeException e) {
                exchange.fail(e);
                return;
            }
        }
    }

    @Override
    public void onAllDataRead() {
        if (exchange.isReading()) {
            exchange.send(body.toByteArray());
        }
    }

    /** The client broke off while sending its body: nobody is left to answer. */
    @Override
    public void onError(Throwable error) {
        LOG.log(Level.FINE, () -> "The client broke off its request body: " + error);
        exchange.finish();
    }
}
