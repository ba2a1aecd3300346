package io.jitar.testing;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;

class FreePortsTest {

    @Test
    void portsAreBelowTheEphemeralRangeAndBindable() throws IOException {
        for (int i = 0; i < 20; i++) {
            int port = FreePorts.next();

            assertThat(port).isBetween(20_000, FreePorts.ephemeralStart() - 1);
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertThat(socket.getLocalPort()).isEqualTo(port);
            }
        }
    }
}
