package io.jitar.proxy.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BodyLimitTest {

    private final BodyLimit limit = new BodyLimit(1024);

    @Test
    void noLengthHeadersMeanNoBody() {
        assertThat(limit.declaredLength(List.of(), List.of())).isZero();
    }

    @Test
    void contentLengthUpToTheLimitIsTheLength() {
        assertThat(limit.declaredLength(List.of("1024"), List.of())).isEqualTo(1024);
        assertThat(limit.declaredLength(List.of("7", "7"), List.of())).isEqualTo(7);
        assertThat(limit.declaredLength(List.of("7, 7"), List.of())).isEqualTo(7);
    }

    @Test
    void contentLengthAboveTheLimitIsTooLarge() {
        assertThatThrownBy(() -> limit.declaredLength(List.of("1025"), List.of()))
                .isInstanceOfSatisfying(BodyTooLargeException.class, e -> assertThat(e.limit()).isEqualTo(1024));
    }

    @Test
    void chunkedBodyHasAnUnknownLength() {
        assertThat(limit.declaredLength(List.of(), List.of("chunked"))).isEqualTo(BodyLimit.UNKNOWN_LENGTH);
        assertThat(limit.declaredLength(List.of(), List.of("gzip, Chunked"))).isEqualTo(BodyLimit.UNKNOWN_LENGTH);
    }

    @Test
    void refusesBothLengthHeadersTogether() {
        assertThatThrownBy(() -> limit.declaredLength(List.of("5"), List.of("chunked")))
                .isInstanceOf(MalformedRequestException.class)
                .hasMessage("A request must not carry both Content-Length and Transfer-Encoding");
    }

    @Test
    void refusesConflictingOrMalformedLengths() {
        assertThatThrownBy(() -> limit.declaredLength(List.of("5", "6"), List.of()))
                .isInstanceOf(MalformedRequestException.class).hasMessage("Conflicting Content-Length values");
        for (String malformed : List.of("-1", "1e3", "", "12345678901234567890", "+5")) {
            assertThatThrownBy(() -> limit.declaredLength(List.of(malformed), List.of()))
                    .as(malformed).isInstanceOf(MalformedRequestException.class).hasMessage("Malformed Content-Length");
        }
    }

    @Test
    void refusesTransferCodingsThatDoNotEndWithChunked() {
        assertThatThrownBy(() -> limit.declaredLength(List.of(), List.of("gzip")))
                .isInstanceOf(MalformedRequestException.class).hasMessage("Transfer-Encoding must end with chunked");
        assertThatThrownBy(() -> limit.declaredLength(List.of(), List.of("chunked, gzip")))
                .isInstanceOf(MalformedRequestException.class);
    }

    @Test
    void limitMustBePositiveAndFitAnArray() {
        assertThatThrownBy(() -> new BodyLimit(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("maxBytes must be > 0");
        assertThatThrownBy(() -> new BodyLimit(BodyLimit.LARGEST_LIMIT + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new BodyLimit(BodyLimit.LARGEST_LIMIT).maxBytes()).isEqualTo(BodyLimit.LARGEST_LIMIT);
    }

    @Test
    void newBufferIsBoundedByTheLimit() {
        BodyBuffer buffer = limit.newBuffer(BodyLimit.UNKNOWN_LENGTH);

        buffer.append(new byte[1024], 0, 1024);
        assertThatThrownBy(() -> buffer.append(new byte[1], 0, 1)).isInstanceOf(BodyTooLargeException.class);
    }
}
