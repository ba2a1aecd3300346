package io.jitar.proxy.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BodyBufferTest {

    @Test
    void collectsAppendedBytesInOrder() {
        BodyBuffer buffer = new BodyBuffer(100, BodyLimit.UNKNOWN_LENGTH);

        buffer.append("xhello".getBytes(StandardCharsets.US_ASCII), 1, 5);
        buffer.append(" world".getBytes(StandardCharsets.US_ASCII), 0, 6);

        assertThat(buffer.size()).isEqualTo(11);
        assertThat(new String(buffer.toByteArray(), StandardCharsets.US_ASCII)).isEqualTo("hello world");
    }

    @Test
    void growsBeyondItsFirstSizeUpToTheLimit() {
        BodyBuffer buffer = new BodyBuffer(200_000, 10);
        byte[] piece = new byte[50_000];
        piece[0] = 42;

        for (int i = 0; i < 4; i++) {
            buffer.append(piece, 0, piece.length);
        }

        assertThat(buffer.toByteArray()).hasSize(200_000);
        assertThat(buffer.toByteArray()[150_000]).isEqualTo((byte) 42);
    }

    @Test
    void refusesBytesBeyondTheLimitAndKeepsWhatItHad() {
        BodyBuffer buffer = new BodyBuffer(4, 4);
        buffer.append(new byte[]{1, 2, 3}, 0, 3);

        assertThatThrownBy(() -> buffer.append(new byte[]{4, 5}, 0, 2))
                .isInstanceOf(BodyTooLargeException.class).hasMessage("Request body is larger than 4 bytes");
        assertThat(buffer.toByteArray()).containsExactly(1, 2, 3);
    }

    @Test
    void emptyBodyIsEmpty() {
        assertThat(new BodyBuffer(10, 0).toByteArray()).isEmpty();
    }
}
