package io.jitar.core.http;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

class ForwardingFailureTest {

    @Test
    void refusedConnectionIsNotConnectedAlsoWhenWrapped() {
        assertThat(ForwardingFailure.of(new ConnectException("refused"))).isEqualTo(ForwardingFailure.NOT_CONNECTED);
        assertThat(ForwardingFailure.of(new CompletionException(new IOException(new ConnectException()))))
                .isEqualTo(ForwardingFailure.NOT_CONNECTED);
    }

    @Test
    void connectTimeoutIsNotConnectedRatherThanTimedOut() {
        assertThat(ForwardingFailure.of(new HttpConnectTimeoutException("connect timed out")))
                .isEqualTo(ForwardingFailure.NOT_CONNECTED);
    }

    @Test
    void requestTimeoutIsTimedOut() {
        assertThat(ForwardingFailure.of(new CompletionException(new HttpTimeoutException("request timed out"))))
                .isEqualTo(ForwardingFailure.TIMED_OUT);
    }

    @Test
    void forwardingClientTimeoutIsTimedOut() {
        assertThat(ForwardingFailure.of(new CompletionException(new java.util.concurrent.TimeoutException("Total timeout 300 ms elapsed"))))
                .isEqualTo(ForwardingFailure.TIMED_OUT);
    }

    @Test
    void otherIoFailureIsBrokenAfterSending() {
        assertThat(ForwardingFailure.of(new CompletionException(new IOException("header parser received no bytes"))))
                .isEqualTo(ForwardingFailure.BROKEN_AFTER_SENDING);
    }

    @Test
    void nonNetworkFailureIsUnexpected() {
        assertThat(ForwardingFailure.of(new IllegalStateException("bug"))).isEqualTo(ForwardingFailure.UNEXPECTED);
    }

    @Test
    void cyclicCauseChainEnds() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);

        assertThat(ForwardingFailure.of(first)).isEqualTo(ForwardingFailure.UNEXPECTED);
    }
}
