package io.jitar.clustertest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Drives server-config's local-cluster script exactly as {@code ./run cluster EXAMPLE --detach}
 * does, with the WARs the build just made, and reads back the services it started (name, PID,
 * port) from its pid file. {@link #close()} stops them through the script, then by PID.
 */
final class ClusterScript implements AutoCloseable {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path SCRIPT = ROOT.resolve("server-config/src/main/scripts/local-cluster.sh");
    private static final Path PIDS = ROOT.resolve("target/local-cluster/pids");

    record Service(String name, long pid, int port) {
        String url() {
            return "http://127.0.0.1:" + port;
        }
    }

    private final Map<String, Service> services = new LinkedHashMap<>();

    /** Starts the cluster of {@code example}; {@code environment} reaches every service. */
    static ClusterScript start(String example, Map<String, String> environment) throws IOException, InterruptedException {
        ClusterScript cluster = new ClusterScript();
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put("JITAR_SKIP_BUILD", "1");
        int exit = run(env, "start", example, "--detach");
        if (exit != 0) {
            throw new AssertionError("local-cluster.sh start " + example + " exited with " + exit
                    + " (see cluster-tests/target/local-cluster-script.log and target/local-cluster/*.log)");
        }
        for (String line : Files.readAllLines(PIDS)) {
            String[] parts = line.trim().split(" ");
            cluster.services.put(parts[0], new Service(parts[0], Long.parseLong(parts[1]), Integer.parseInt(parts[2])));
        }
        return cluster;
    }

    Map<String, Service> services() {
        return services;
    }

    Service service(String name) {
        return services.get(name);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run(Map.of(), "stop");
        for (Service service : services.values()) {
            ProcessHandle.of(service.pid()).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private static int run(Map<String, String> environment, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target/local-cluster-script.log").toFile()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(6, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }
}
