package io.jitar.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The TCP sockets a process listens on, read from Linux's {@code /proc} (what {@code ss -ltnp}
 * shows, without needing {@code ss}): the socket inodes among {@code /proc/PID/fd}, matched with
 * the LISTEN rows of {@code /proc/net/tcp} and {@code /proc/net/tcp6}.
 */
public final class ListeningSockets {

    private static final String LISTEN = "0A";

    private ListeningSockets() {
    }

    /** Empty when this is not Linux or the process's descriptors cannot be read. */
    public static Optional<List<InetSocketAddress>> of(long pid) {
        Path fds = Path.of("/proc", Long.toString(pid), "fd");
        if (!Files.isDirectory(fds) || !Files.isReadable(Path.of("/proc/net/tcp"))) {
            return Optional.empty();
        }
        try {
            Set<String> inodes = socketInodes(fds);
            List<InetSocketAddress> listening = new ArrayList<>();
            for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
                Path path = Path.of(table);
                if (!Files.isReadable(path)) {
                    continue;
                }
                List<String> rows = Files.readAllLines(path);
                for (String row : rows.subList(1, rows.size())) {
                    String[] fields = row.trim().split("\\s+");
                    if (fields.length > 9 && LISTEN.equals(fields[3]) && inodes.contains(fields[9])) {
                        listening.add(address(fields[1]));
                    }
                }
            }
            return Optional.of(listening);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Set<String> socketInodes(Path fds) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(fds)) {
            for (Path fd : entries) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[") && target.endsWith("]")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException e) {
                    // the descriptor was closed in the meantime
                }
            }
        }
        return inodes;
    }

    /** {@code 0100007F:5DC0} (IPv4) or 32 hex digits and a port (IPv6): 32-bit words in host (little-endian) order. */
    private static InetSocketAddress address(String field) throws IOException {
        String[] parts = field.split(":");
        String hex = parts[0];
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int i = 0; i < 4; i++) {
                int at = (word * 4 + i) * 2;
                bytes[word * 4 + (3 - i)] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        // An IPv4-mapped IPv6 address (::ffff:127.0.0.1) comes back as the Inet4Address 127.0.0.1.
        return new InetSocketAddress(InetAddress.getByAddress(bytes), Integer.parseInt(parts[1], 16));
    }
}
