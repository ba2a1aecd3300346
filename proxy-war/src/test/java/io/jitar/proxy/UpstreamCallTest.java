package io.jitar.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.jitar.core.http.ForwardingFailure;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** How a failed upstream call is classified for the proxy's 502 and 504. */
class UpstreamCallTest {

    @Test
    void timeoutStaysATimeout() {
        TimeoutException idle = new TimeoutException("Idle timeout expired");

        assertThat(ForwardingFailure.of(ForwardingFailure.ofClientCall(idle, true))).isEqualTo(ForwardingFailure.TIMED_OUT);
        assertThat(ForwardingFailure.of(ForwardingFailure.ofClientCall(new IOException(idle), false)))
                .isEqualTo(ForwardingFailure.TIMED_OUT);
    }

    @Test
    void anythingBeforeTheRequestWasWrittenIsNotConnected() {
        for (Throwable error : new Throwable[] {new SocketTimeoutException("Connect Timeout"),
                new RejectedExecutionException("Max requests queued per destination 16384 exceeded"),
                new ConnectException("Connection refused")}) {
            Throwable failure = ForwardingFailure.ofClientCall(error, false);

            assertThat(ForwardingFailure.of(failure)).as(error.toString()).isEqualTo(ForwardingFailure.NOT_CONNECTED);
            assertThat(failure).hasRootCause(error);
        }
    }

    @Test
    void anythingAfterIsBrokenAfterSending() {
        EOFException eof = new EOFException("early EOF");

        assertThat(ForwardingFailure.ofClientCall(eof, true)).isSameAs(eof);
        assertThat(ForwardingFailure.of(ForwardingFailure.ofClientCall(new IllegalStateException("HTTP protocol violation"), true)))
                .isEqualTo(ForwardingFailure.BROKEN_AFTER_SENDING);
    }
}
