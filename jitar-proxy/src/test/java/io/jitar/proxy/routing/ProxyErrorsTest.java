package io.jitar.proxy.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.jitar.core.protocol.ErrorBody;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ProxyErrorsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private static Throwable upstreamFailure(Throwable error) {
        return ProxyErrors.upstreamFailure(ProxyFixtures.GATEWAY, TIMEOUT, error);
    }

    @Test
    void refusedOrTimedOutConnectionIsUnreachable() {
        assertThat(upstreamFailure(new CompletionException(new ConnectException("refused"))))
                .isInstanceOf(UpstreamUnreachableException.class).hasMessage("The gateway is not reachable");
        assertThat(upstreamFailure(new HttpConnectTimeoutException("slow connect")))
                .isInstanceOf(UpstreamUnreachableException.class);
    }

    @Test
    void brokenConnectionIsUnreachable() {
        assertThat(upstreamFailure(new IOException("connection reset"))).isInstanceOf(UpstreamUnreachableException.class);
    }

    @Test
    void noAnswerInTimeIsATimeout() {
        assertThat(upstreamFailure(new CompletionException(new HttpTimeoutException("request timed out"))))
                .isInstanceOfSatisfying(UpstreamTimeoutException.class, e -> {
                    assertThat(e.timeout()).isEqualTo(TIMEOUT);
                    assertThat(e).hasMessage("The gateway did not answer within 2s");
                });
    }

    @Test
    void otherFailuresAreReturnedUnwrapped() {
        IllegalStateException bug = new IllegalStateException("bug");

        assertThat(upstreamFailure(new CompletionException(bug))).isSameAs(bug);
    }

    @Test
    void jitarExceptionsKeepStatusAndMessageWithoutType() {
        assertThat(ProxyErrors.bodyOf(new BodyTooLargeException(10)))
                .isEqualTo(new ErrorBody(413, "Request body is larger than 10 bytes", null));
        assertThat(ProxyErrors.bodyOf(new CompletionException(new UpstreamUnreachableException("worker", null))))
                .isEqualTo(new ErrorBody(502, "The worker is not reachable", null));
    }

    @Test
    void anythingElseIsAnInternalErrorWithoutDetails() {
        assertThat(ProxyErrors.bodyOf(new NullPointerException("field x of internal class y")))
                .isEqualTo(new ErrorBody(500, "Internal server error", null));
    }
}
