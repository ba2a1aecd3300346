package io.jitar.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * A real Payara Micro process for system tests: loopback only, Hazelcast and every phone-home
 * off, fast start-up flags, its log in {@code target/payara-logs/NAME.log}. It is ended by its
 * own handle (never by name), also when the test fails: use it in try-with-resources or
 * {@code @AfterAll}.
 */
public final class PayaraProcess implements AutoCloseable {

    /** The fast start-up flags of PAYARA-NOTES (the build passes the same as {@code jitar.test.jvm}). */
    private static final String JVM_FLAGS = System.getProperty("jitar.test.jvm",
            "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m -Dhazelcast.phone.home.enabled=false");
    /** How long a process that logged "ready" may take to accept a connection (see {@link NeverListened}). */
    private static final Duration LISTEN_GRACE = Duration.ofSeconds(10);

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;

    private PayaraProcess(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /**
     * Starts Payara Micro deploying {@code war} at the root context, on {@code port}, with
     * {@code environment} added (for example {@code JITAR_WORKER_GATEWAY}).
     */
    public static PayaraProcess start(String name, Path war, int port, Map<String, String> environment) {
        return start(name, war, port, environment, null);
    }

    /**
     * Starts a gateway as a member of a loopback data grid, as payara-service.sh's
     * {@code payara_grid_start} does; it needs {@code JITAR_GATEWAY_REGISTRY=grid} to use it.
     */
    public static PayaraProcess startInGrid(String name, Path war, int port, Map<String, String> environment, Grid grid,
                                            int member) {
        return start(name, war, port, environment, new GridMember(grid, member));
    }

    /** The members of one data grid on loopback: its cluster name and every member's port. */
    public record Grid(String cluster, List<Integer> ports) {

        /** A grid with a random cluster name (so no two tests' grids ever merge) and free ports. */
        public static Grid of(int members) {
            List<Integer> ports = new ArrayList<>();
            while (ports.size() < members) {
                int port = FreePorts.next();
                if (!ports.contains(port)) {
                    ports.add(port);
                }
            }
            return new Grid("jitar-test-" + java.util.UUID.randomUUID().toString().substring(0, 8), List.copyOf(ports));
        }
    }

    private record GridMember(Grid grid, int index) {
    }

    private static PayaraProcess start(String name, Path war, int port, Map<String, String> environment, GridMember grid) {
        try {
            Path folder = Path.of("target", "payara-logs").toAbsolutePath();
            Files.createDirectories(folder);
            Path log = folder.resolve(name + ".log");
            List<String> command = new ArrayList<>(List.of(javaBinary()));
            command.addAll(List.of(JVM_FLAGS.trim().split("\\s+")));
            if (grid != null) {
                command.addAll(PayaraBootFiles.gridJvmFlags());
            }
            command.addAll(List.of("-Dhazelcast.phone.home.enabled=false", "-Djava.io.tmpdir=" + folder,
                    "-jar", payaraMicroJar().toString(), "--deploy", war.toAbsolutePath() + ":/", "--port", String.valueOf(port)));
            // The same boot files as local-cluster.sh and ./run: one place says how a service boots.
            command.addAll(grid == null ? PayaraBootFiles.options() : PayaraBootFiles.gridOptions(
                    folder.resolve(name + ".preboot.asadmin"), grid.grid().cluster(), grid.grid().ports().get(grid.index()),
                    grid.grid().ports()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> env = new LinkedHashMap<>(environment);
            env.put("HZ_PHONE_HOME_ENABLED", "false");
            builder.environment().putAll(env);
            Process process = builder.start();
            // A safety net: if the test JVM ends without closing this (a crash, a timeout), the
            // server it started must not outlive it.
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "stop-" + name));
            return new PayaraProcess(name, port, log, process);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Payara Micro for " + name, e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Starts a service on {@code port} and waits until it is ready; a start that logs ready but
     * never accepts a connection ({@link NeverListened}) is reported with its log and started
     * once more on a new free port. {@code environment} is given the port the process runs on.
     */
    public static PayaraProcess launch(String name, Path war, int port, IntFunction<Map<String, String>> environment,
            Duration timeout) {
        PayaraProcess first = start(name, war, port, environment.apply(port));
        try {
            return first.awaitReady(timeout);
        } catch (NeverListened e) {
            first.kill();
            first.keepLogAs(name + ".never-listened.log");
            System.err.println(e.getMessage() + "\nStarting " + name + " once more on a new port.");
            int next = FreePorts.next();
            PayaraProcess second = start(name, war, next, environment.apply(next));
            try {
                return second.awaitReady(timeout);
            } catch (RuntimeException | Error again) {
                second.close();
                throw again;
            }
        } catch (RuntimeException | Error e) {
            first.close();
            throw e;
        }
    }

    /**
     * Waits until {@code /health/ready} answers 200. Fails at once when the process exits, its
     * deployment fails, or it logged "ready" and accepts no connection within 10 s.
     */
    public PayaraProcess awaitReady(Duration timeout) {
        StartWatch watch = new StartWatch(LISTEN_GRACE, Clock.systemUTC());
        Poll.until(name + " to be ready (log: " + log + ")", timeout, () -> {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + "; log: " + log);
            }
            String text = log();
            failIfDeploymentFailed(text);
            if (watch.neverListened(text, this::accepts)) {
                throw new NeverListened(name, port, ListeningSockets.of(process.pid()), tail(text, 2_000), log);
            }
            return Http.get(url() + "/health/ready").statusCode() == 200;
        });
        return this;
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String tail(String text, int length) {
        return text.substring(Math.max(0, text.length() - length));
    }

    /** A failed deployment leaves the process up and DOWN forever: fail at once, quoting the reason. */
    private void failIfDeploymentFailed(String text) {
        for (String marker : new String[] {"Exception while loading the app", "Exception while deploying the app"}) {
            int at = text.indexOf(marker);
            if (at >= 0) {
                throw new AssertionError(name + ": deployment failed: "
                        + text.substring(at, Math.min(text.length(), at + 600)) + " (log: " + log + ")");
            }
        }
    }

    /** Waits until the log contains {@code text}. */
    public PayaraProcess awaitLog(String text, Duration timeout) {
        Poll.until("'" + text + "' in " + log, timeout, () -> log().contains(text));
        return this;
    }

    private void keepLogAs(String fileName) {
        try {
            Files.move(log, log.resolveSibling(fileName), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String log() {
        try {
            return Files.readString(log, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }

    /** kill -9: the process gets no chance to clean up, like a crashed machine. */
    public void kill() {
        process.destroyForcibly();
        waitFor();
    }

    /** A graceful stop (SIGTERM), waiting up to 30 s before killing. */
    public void stop() {
        process.destroy();
        if (!waitFor()) {
            kill();
        }
    }

    private boolean waitFor() {
        try {
            return process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Path payaraMicroJar() {
        try {
            Class<?> micro = Class.forName("fish.payara.micro.PayaraMicro");
            return Path.of(micro.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (ClassNotFoundException | URISyntaxException e) {
            throw new IllegalStateException("payara-micro is not on the test classpath", e);
        }
    }
}
