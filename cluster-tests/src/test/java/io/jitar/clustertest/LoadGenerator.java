package io.jitar.clustertest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A steady load of one GET on a few threads, bounded in time: it stops by itself at its deadline
 * even if nobody stops it. Counts successes per serving worker and keeps every failure.
 */
final class LoadGenerator implements AutoCloseable {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI target;
    private final Instant deadline;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Map<String, AtomicInteger> servedBy = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final List<Thread> threads = new ArrayList<>();

    LoadGenerator(String url, int threadCount, Duration limit) {
        this.target = URI.create(url);
        this.deadline = Instant.now().plus(limit);
        for (int i = 0; i < threadCount; i++) {
            Thread thread = new Thread(this::run, "load-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    private void run() {
        HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(20)).GET().build();
        while (running.get() && Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    String worker = response.headers().firstValue("X-Jitar-Worker").orElse("?");
                    servedBy.computeIfAbsent(worker, w -> new AtomicInteger()).incrementAndGet();
                } else {
                    failures.add(response.statusCode() + " " + response.body());
                }
            } catch (Exception e) {
                failures.add(e.toString());
            }
        }
    }

    int servedBy(String worker) {
        AtomicInteger count = servedBy.get(worker);
        return count == null ? 0 : count.get();
    }

    int successes() {
        return servedBy.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(Duration.ofSeconds(30).toMillis());
        }
    }
}
