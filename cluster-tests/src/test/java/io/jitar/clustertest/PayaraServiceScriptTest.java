package io.jitar.clustertest;

import static org.assertj.core.api.Assertions.assertThat;

import io.jitar.testing.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The scripts' start check (server-config/src/main/scripts/payara-service.sh, used by ./run and
 * local-cluster.sh) against stand-in processes: one that writes Payara Micro's ready line and
 * never listens must be reported within the grace, not after the start limit; one that exits is
 * reported as exited.
 */
class PayaraServiceScriptTest {

    private static final String READY_LINE = "Payara Micro 6.2025.10 (build 42) ready in 1,234 (ms)";

    @Test
    void aProcessThatLogsReadyButNeverListensIsReportedWithinTheGrace() throws Exception {
        int port = FreePorts.next();
        Instant start = Instant.now();
        String output = await("echo 'starting'; echo 'java.net.BindException: Address already in use'; sleep 2; echo '"
                + READY_LINE + "'; exec sleep 120", port);

        assertThat(output).contains("await=2", "service logged ready but accepts no connection on port " + port + " after 3 s",
                READY_LINE);
        // 2 s to the ready line, 3 s of grace, far from the 60 s limit given.
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void aProcessThatExitsIsReportedAsExitedWithItsLog() throws Exception {
        String output = await("echo 'Failed to start, exiting'; exit 1", FreePorts.next());

        assertThat(output).contains("await=1", "service exited", "Failed to start, exiting");
    }

    /** Starts {@code fake} as the "service" writing to its log and runs payara_await on it. */
    private static String await(String fake, int port) throws IOException, InterruptedException {
        Path folder = Files.createDirectories(Path.of("target", "script-test")).toAbsolutePath();
        Path log = folder.resolve("service-" + port + ".log");
        String script = String.join("\n",
                "PAYARA_LISTEN_GRACE=3",
                ". server-config/src/main/scripts/payara-service.sh",
                "bash -c \"$FAKE\" >'" + log + "' 2>&1 &",
                "pid=$!",
                "trap 'kill $pid 2>/dev/null' EXIT",
                "rc=0; payara_await service $pid " + port + " '" + log + "' 60 || rc=$?",
                "echo \"await=$rc\"");
        ProcessBuilder builder = new ProcessBuilder(List.of("bash", "-c", script)).directory(ClusterScript.ROOT.toFile())
                .redirectErrorStream(true);
        builder.environment().put("FAKE", fake);
        Process bash = builder.start();
        try {
            assertThat(bash.waitFor(90, TimeUnit.SECONDS)).as("the script ended").isTrue();
            return new String(bash.getInputStream().readAllBytes());
        } finally {
            bash.destroyForcibly();
        }
    }
}
