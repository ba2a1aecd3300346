package io.jitar.core.http;

import org.junit.jupiter.api.Test;

import java.io.EOFException;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/** How a failed client call is stated ({@link ForwardingFailure#ofClientCall}); {@link RequestForwarderTest} shows it against real sockets. */
class ClientCallFailureTest {

    @Test
    void failureBeforeTheRequestWasWrittenIsNotConnectedWhateverItsType() {
        Throwable failure = ForwardingFailure.ofClientCall(new ClosedChannelException(), false);

        assertThat(failure).isInstanceOf(ConnectException.class).hasCauseInstanceOf(ClosedChannelException.class);
        assertThat(ForwardingFailure.of(failure)).isEqualTo(ForwardingFailure.NOT_CONNECTED);
    }

    @Test
    void failureAfterTheRequestWasWrittenIsBrokenAfterSending() {
        assertThat(ForwardingFailure.of(ForwardingFailure.ofClientCall(new EOFException("closed"), true)))
                .isEqualTo(ForwardingFailure.BROKEN_AFTER_SENDING);
        assertThat(ForwardingFailure.of(ForwardingFailure.ofClientCall(new IllegalStateException("parser"), true)))
                .isEqualTo(ForwardingFailure.BROKEN_AFTER_SENDING);
    }

    @Test
    void timeoutStaysATimeoutAlsoBeforeTheRequestWasWritten() {
        // Waiting for a pooled connection until the timeout is an overloaded worker, not a dead one:
        // it must not be marked down.
        assertThat(ForwardingFailure.of(ForwardingFailure.ofClientCall(new TimeoutException("Total timeout"), false)))
                .isEqualTo(ForwardingFailure.TIMED_OUT);
    }
}
