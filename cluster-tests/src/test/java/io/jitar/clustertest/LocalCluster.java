package io.jitar.clustertest;

import io.jitar.testing.FreePorts;
import io.jitar.testing.PayaraProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A gateway and named workers as real Payara Micro processes, started one after another (two
 * at once on two cores take several times longer). Closing it stops every process it started.
 */
final class LocalCluster implements AutoCloseable {

    static final String TRUST_KEY = "cluster-test-key";
    static final Duration START_LIMIT = Duration.ofSeconds(180);

    private final Path workerWar;
    private final int gatewayPort = FreePorts.next();
    private final Map<String, PayaraProcess> workers = new LinkedHashMap<>();
    private final Map<String, Integer> workerPorts = new LinkedHashMap<>();
    private final Map<String, String> workerSegments = new LinkedHashMap<>();
    private final Map<String, String> workerGateways = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> workerSettings = new LinkedHashMap<>();
    private PayaraProcess gateway;

    LocalCluster(Path workerWar) {
        this.workerWar = workerWar;
    }

    LocalCluster startGateway() {
        if (gateway != null) {
            gateway.close();
        }
        gateway = PayaraProcess.start("gateway", ProbeApplication.gatewayWar(), gatewayPort, Map.of(
                "JITAR_TRUST_KEY", TRUST_KEY,
                "JITAR_GATEWAY_MONITOR_INTERVAL", "500ms",
                "JITAR_GATEWAY_UNAVAILABLE_THRESHOLD", "3s",
                "JITAR_GATEWAY_STOPPED_THRESHOLD", "8s",
                "JITAR_GATEWAY_REQUEST_TIMEOUT", "10s"));
        gateway.awaitReady(START_LIMIT);
        return this;
    }

    /** Starts (or restarts, on its old port) worker {@code name} running {@code segments}. */
    LocalCluster startWorker(String name, String segments) {
        return startWorker(name, segments, gatewayUrl());
    }

    /** Starts (or restarts) worker {@code name} as a member of {@code gateway}, which need not be this cluster's. */
    LocalCluster startWorker(String name, String segments, String gateway) {
        return startWorker(name, segments, gateway, Map.of());
    }

    /** As {@link #startWorker(String, String, String)}, with {@code settings} added to its environment. */
    LocalCluster startWorker(String name, String segments, String gateway, Map<String, String> settings) {
        int port = workerPorts.computeIfAbsent(name, n -> FreePorts.next());
        workerSegments.put(name, segments);
        workerGateways.put(name, gateway);
        workerSettings.put(name, settings);
        PayaraProcess previous = workers.get(name);
        if (previous != null) {
            previous.close();
        }
        // A start that logs ready but never listens is started once more, on a new port.
        PayaraProcess worker = PayaraProcess.launch(name, workerWar, port, actual -> {
            Map<String, String> environment = new LinkedHashMap<>(Map.of(
                    "JITAR_WORKER_GATEWAY", gateway,
                    "JITAR_URL", "http://127.0.0.1:" + actual,
                    "JITAR_WORKER_SEGMENTS", segments,
                    "JITAR_WORKER_NAME", name,
                    "JITAR_TRUST_KEY", TRUST_KEY,
                    "JITAR_WORKER_REPORT_INTERVAL", "1s"));
            environment.putAll(settings);
            return environment;
        }, START_LIMIT);
        workers.put(name, worker);
        workerPorts.put(name, worker.port());
        return this;
    }

    void restartWorker(String name) {
        startWorker(name, workerSegments.get(name), workerGateways.get(name), workerSettings.get(name));
    }

    /** Stops worker {@code name} as an operator would (SIGTERM): it deregisters, then drains. */
    void stopWorker(String name) {
        workers.get(name).stop();
    }

    PayaraProcess worker(String name) {
        return workers.get(name);
    }

    void killWorker(String name) {
        workers.get(name).kill();
    }

    void killGateway() {
        gateway.kill();
    }

    String gatewayUrl() {
        return "http://127.0.0.1:" + gatewayPort;
    }

    String workerUrl(String name) {
        return "http://127.0.0.1:" + workerPorts.get(name);
    }

    @Override
    public void close() {
        workers.values().forEach(PayaraProcess::close);
        if (gateway != null) {
            gateway.close();
        }
    }
}
