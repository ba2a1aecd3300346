package io.jitar.clustertest;

import io.jitar.testing.Http;
import io.jitar.testing.Poll;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The original Jitar, installed from the npm registry into a scratch folder under {@code target}:
 * the probe app of {@code src/test/original-jitar} (its package-lock pins {@value #VERSION}),
 * built with {@code jitar build}, and its services started as node processes on loopback (the
 * benchmark's {@code loopback.cjs} keeps Jitar's wildcard listen on 127.0.0.1). Closing it stops
 * every process it started, by its own handle.
 */
final class OriginalJitar implements AutoCloseable {

    static final String VERSION = "0.10.6";
    static final int NODE_MAJOR = 20;
    private static final Path APP = Path.of("src/test/original-jitar");
    private static final Path LOOPBACK = Path.of("../benchmarks/original-jitar/loopback.cjs");
    private static final String REGISTRY = "https://registry.npmjs.org/";
    private static final Duration INSTALL_LIMIT = Duration.ofMinutes(5);
    private static final Duration START_LIMIT = Duration.ofSeconds(60);

    private final Path folder;
    private final Map<String, Process> started = new LinkedHashMap<>();

    private OriginalJitar(Path folder) {
        this.folder = folder;
    }

    /** Why the original cannot run here ({@code node} or {@code npm} missing, or a node too old for it), or empty. */
    static Optional<String> missingTools() {
        List<String> missing = Stream.of("node", "npm").filter(tool -> output(tool, "--version").isEmpty()).toList();
        if (!missing.isEmpty()) {
            return Optional.of(String.join(" and ", missing) + " not found: the interop test with the original Jitar "
                    + "needs Node.js " + NODE_MAJOR + " or later and npm (.ci/run installs Debian's nodejs and npm when missing)");
        }
        String version = output("node", "--version").orElseThrow();
        Matcher major = Pattern.compile("^v(\\d+)\\.").matcher(version);
        if (!major.find() || Integer.parseInt(major.group(1)) < NODE_MAJOR) {
            return Optional.of("node " + version + " is older than the Node.js " + NODE_MAJOR + " that jitar " + VERSION
                    + " requires (its package.json: engines.node >=20.0)");
        }
        return Optional.empty();
    }

    /** Copies the app into a new folder under {@code target}, runs {@code npm ci} and {@code jitar build}. */
    static OriginalJitar install() {
        try {
            Path folder = Files.createTempDirectory(Files.createDirectories(Path.of("target").toAbsolutePath()), "original-jitar-");
            copy(APP, folder.resolve("app"));
            Files.copy(LOOPBACK, folder.resolve("loopback.cjs"));
            OriginalJitar jitar = new OriginalJitar(folder);
            // Only the registry: no audit, no funding or update checks, no install scripts.
            jitar.run("npm", "ci", "--registry=" + REGISTRY, "--no-audit", "--no-fund", "--ignore-scripts",
                    "--update-notifier=false", "--loglevel=error");
            jitar.run("node", "node_modules/jitar/dist/cli.js", "build", "--log-level=warn");
            String installed = Files.readString(folder.resolve("app/node_modules/jitar/package.json"));
            if (!installed.contains("\"version\": \"" + VERSION + "\"")) {
                throw new IllegalStateException("npm installed another jitar than " + VERSION);
            }
            return jitar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts {@code services/<service>.json} as {@code name} on {@code port} and waits until its
     * {@code /health/status} answers {@code true}; {@code environment} fills the config's placeholders.
     */
    String start(String name, String service, int port, Map<String, String> environment) {
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put("JITAR_PORT", String.valueOf(port));
        env.put("NODE_ENV", "production");
        Process process = launch(name, env, "node", "--require", folder.resolve("loopback.cjs").toString(),
                "node_modules/jitar/dist/cli.js", "start", "--service=services/" + service + ".json", "--log-level=info");
        started.put(name, process);
        String url = "http://127.0.0.1:" + port;
        Poll.until(name + " (original Jitar " + service + ") answering /health/status", START_LIMIT, () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + log(name));
            }
            HttpResponse<String> status = Http.get(url + "/health/status");
            return status.statusCode() == 200 && status.body().equals("true");
        });
        return url;
    }

    String log(String name) {
        try {
            return Files.readString(logFile(name));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        List<Process> processes = new ArrayList<>(started.values());
        processes.forEach(Process::destroy);
        for (Process process : processes) {
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        started.clear();
    }

    private void run(String... command) {
        String name = "install";
        Process process = launch(name, Map.of(), command);
        try {
            if (!process.waitFor(INSTALL_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " took longer than " + INSTALL_LIMIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted", e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (" + process.exitValue() + "):\n" + log(name));
        }
    }

    private Process launch(String name, Map<String, String> environment, String... command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(folder.resolve("app").toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile(name).toFile()));
            builder.environment().putAll(environment);
            builder.environment().put("npm_config_update_notifier", "false");
            Process process = builder.start();
            // A safety net: a test JVM that ends without closing this must not leave node running.
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "stop-" + name));
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + String.join(" ", command), e);
        }
    }

    private Path logFile(String name) {
        return folder.resolve(name + ".log");
    }

    /** What {@code tool argument} prints, trimmed; empty when it is not installed or fails. */
    private static Optional<String> output(String tool, String argument) {
        try {
            Process process = new ProcessBuilder(tool, argument).redirectErrorStream(true).start();
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0 ? Optional.of(text) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
