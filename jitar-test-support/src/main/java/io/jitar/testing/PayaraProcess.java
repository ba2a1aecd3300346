package io.jitar.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Payara Micro process for system tests: loopback only, Hazelcast and every phone-home
 * off, fast start-up flags, its log in {@code target/payara-logs/NAME.log}. It is ended by its
 * own handle (never by name), also when the test fails: use it in try-with-resources or
 * {@code @AfterAll}.
 */
public final class PayaraProcess implements AutoCloseable {

    private static final String JVM_FLAGS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m";
    private static final String PREBOOT = String.join("\n",
            "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1",
            "set configs.config.server-config.hazelcast-config-specific-configuration.enabled=false",
            // The default datasource's H2 would otherwise open a TCP server on every interface at first use.
            "set resources.jdbc-connection-pool.H2Pool.property.URL=jdbc:h2:${com.sun.aas.instanceRoot}/lib/databases/embedded_default",
            "");

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
        try {
            Path folder = Path.of("target", "payara-logs").toAbsolutePath();
            Files.createDirectories(folder);
            Path preboot = folder.resolve("preboot-loopback.asadmin");
            Files.writeString(preboot, PREBOOT, StandardCharsets.UTF_8);
            Path log = folder.resolve(name + ".log");
            List<String> command = new ArrayList<>(List.of(javaBinary()));
            command.addAll(List.of(JVM_FLAGS.split(" ")));
            command.addAll(List.of("-Dhazelcast.phone.home.enabled=false", "-Djava.io.tmpdir=" + folder,
                    "-jar", payaraMicroJar().toString(), "--deploy", war.toAbsolutePath() + ":/", "--port", String.valueOf(port),
                    "--nohazelcast", "--disablephonehome", "--prebootcommandfile", preboot.toString()));
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

    /** Waits until {@code /health/ready} answers 200. */
    public PayaraProcess awaitReady(Duration timeout) {
        Poll.until(name + " to be ready (log: " + log + ")", timeout, () -> {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + "; log: " + log);
            }
            failIfDeploymentFailed();
            return Http.get(url() + "/health/ready").statusCode() == 200;
        });
        return this;
    }

    /** A failed deployment leaves the process up and DOWN forever: fail at once, quoting the reason. */
    private void failIfDeploymentFailed() {
        String text = log();
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
