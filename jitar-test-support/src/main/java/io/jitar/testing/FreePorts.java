package io.jitar.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free loopback ports for servers a test starts, taken BELOW the operating system's ephemeral
 * range. A port from that range (what {@code new ServerSocket(0)} hands out) can be taken by any
 * outgoing connection in the seconds before Payara binds it; that was seen in the cluster tests,
 * where a worker's listener found its port used by a pooled client connection and never listened.
 */
public final class FreePorts {

    private static final int LOWEST = 20_000;
    private static final int ATTEMPTS = 500;

    private FreePorts() {
    }

    public static int next() {
        int end = ephemeralStart();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, end);
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // in use: try another
            }
        }
        throw new IllegalStateException("No free loopback port in " + LOWEST + "-" + (end - 1));
    }

    /** The first port of the ephemeral range (Linux: /proc; elsewhere the IANA range's start). */
    static int ephemeralStart() {
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
            int start = Integer.parseInt(range.split("\\s+")[0]);
            return start > LOWEST + 1_000 ? start : 49_152;
        } catch (IOException | RuntimeException e) {
            return 49_152;
        }
    }
}
