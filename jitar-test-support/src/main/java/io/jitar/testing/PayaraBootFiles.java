package io.jitar.testing;

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
