package io.jitar.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.stream.Collectors;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The Payara Micro options every service starts with, from server-config's boot files: the same
 * files local-cluster.sh and {@code ./run} pass (server-config/src/main/scripts/payara-service.sh),
 * so a test starts a service exactly as a user does. Loopback only, the data grid and Payara's
 * phone-home off.
 */
final class PayaraBootFiles {

    private static final String FOLDER = "server-config/src/main/payara";

    private PayaraBootFiles() {
    }

    static List<String> options() {
        Path folder = folder();
        return List.of("--nohazelcast", "--disablephonehome",
                "--prebootcommandfile", folder.resolve("preboot.asadmin").toString());
    }

    /**
     * The options of a gateway in the data grid, as payara-service.sh's {@code payara_grid_start}
     * gives them: preboot.asadmin without the line that switches the grid off (written to
     * {@code preboot}), the cluster on loopback with its TCP/IP members.
     */
    static List<String> gridOptions(Path preboot, String cluster, int gridPort, List<Integer> gridPorts) {
        try {
            List<String> lines = Files.readAllLines(folder().resolve("preboot.asadmin")).stream()
                    .filter(line -> !line.contains("hazelcast-config-specific-configuration.enabled=false")).toList();
            Files.write(preboot, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String members = gridPorts.stream().map(port -> "127.0.0.1:" + port).collect(Collectors.joining(","));
        return List.of("--disablephonehome", "--prebootcommandfile", preboot.toString(), "--clustername", cluster,
                "--interfaces", "127.0.0.1", "--startport", String.valueOf(gridPort), "--clustermode", "tcpip:" + members,
                "--nohostaware");
    }

    /** The JVM flags of grid.jvm-options. */
    static List<String> gridJvmFlags() {
        try {
            return Files.readAllLines(folder().resolve("grid.jvm-options")).stream()
                    .map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code jitar.payara.config} when the build sets it, else found upwards from the working folder. */
    static Path folder() {
        String configured = System.getProperty("jitar.payara.config");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
            if (Files.isDirectory(at.resolve(FOLDER))) {
                return at.resolve(FOLDER);
            }
        }
        throw new IllegalStateException("Cannot find " + FOLDER + " above " + Path.of("").toAbsolutePath()
                + "; set -Djitar.payara.config");
    }
}
