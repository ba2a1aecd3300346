package io.jitar.core.gateway;

import org.junit.jupiter.api.Test;

import java.io.EOFException;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/** How a failed call is stated; {@link RequestForwarderTest} shows the same against real sockets. */
class WorkerCallTest {

    @Test
    void failureBeforeTheRequestWasWrittenIsNotConnectedWhateverItsType() {
        Throwable failure = WorkerCall.failure(new ClosedChannelException(), false);

        assertThat(failure).isInstanceOf(ConnectException.class).hasCauseInstanceOf(ClosedChannelException.class);
        assertThat(ForwardingFailure.of(failure)).isEqualTo(ForwardingFailure.NOT_CONNECTED);
    }

    @Test
    void failureAfterTheRequestWasWrittenIsBrokenAfterSending() {
        assertThat(ForwardingFailure.of(WorkerCall.failure(new EOFException("closed"), true)))
                .isEqualTo(ForwardingFailure.BROKEN_AFTER_SENDING);
        assertThat(ForwardingFailure.of(WorkerCall.failure(new IllegalStateException("parser"), true)))
                .isEqualTo(ForwardingFailure.BROKEN_AFTER_SENDING);
    }

    @Test
    void timeoutStaysATimeoutAlsoBeforeTheRequestWasWritten() {
        // Waiting for a pooled connection until the timeout is an overloaded worker, not a dead one:
        // it must not be marked down.
        assertThat(ForwardingFailure.of(WorkerCall.failure(new TimeoutException("Total timeout"), false)))
                .isEqualTo(ForwardingFailure.TIMED_OUT);
    }
}
