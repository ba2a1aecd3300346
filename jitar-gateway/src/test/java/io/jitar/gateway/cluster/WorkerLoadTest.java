package io.jitar.gateway.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class WorkerLoadTest {

    private static final long NOW = GatewayFixtures.START.getEpochSecond();

    private final WorkerLoad load = new WorkerLoad();

    @Test
    void newLoadIsZero() {
        assertThat(load.requests()).isZero();
        assertThat(load.recentRequests(NOW)).isZero();
        assertThat(load.requestsPerSecond(NOW)).isZero();
        assertThat(load.snapshot(NOW)).isEqualTo(new WorkerLoad.Snapshot(0, 0, 0.0, 0));
    }

    @Test
    void countsEveryRequestInTheTotal() {
        for (int i = 0; i < 25; i++) {
            load.record(NOW + i);
        }

        assertThat(load.requests()).isEqualTo(25);
    }

    @Test
    void recentLoadCountsTheTenWholeSecondsBeforeNow() {
        record(NOW - 11, 7); // too old
        record(NOW - 10, 1); // oldest second in the window
        record(NOW - 5, 30);
        record(NOW - 1, 14); // newest whole second
        record(NOW, 100);    // the second still running

        assertThat(load.recentRequests(NOW)).isEqualTo(45);
        assertThat(load.requestsPerSecond(NOW)).isEqualTo(4.5);
        assertThat(load.snapshot(NOW)).isEqualTo(new WorkerLoad.Snapshot(152, 45, 4.5, 0));
    }

    @Test
    void theCurrentSecondCountsOnceItIsOver() {
        record(NOW, 3);

        assertThat(load.recentRequests(NOW)).isZero();
        assertThat(load.recentRequests(NOW + 1)).isEqualTo(3);
        assertThat(load.recentRequests(NOW + 10)).isEqualTo(3);
        assertThat(load.recentRequests(NOW + 11)).isZero();
    }

    @Test
    void bucketsAreReusedRoundTheRingWithoutMixingSeconds() {
        record(NOW, 5);
        record(NOW + 11, 2); // the same bucket, eleven seconds on

        assertThat(load.recentRequests(NOW + 1)).as("the old second's count is gone").isZero();
        assertThat(load.recentRequests(NOW + 12)).isEqualTo(2);
        assertThat(load.requests()).isEqualTo(7);
    }

    @Test
    void quietWorkerFallsBackToZero() {
        record(NOW, 40);

        assertThat(load.requestsPerSecond(NOW + 1)).isEqualTo(4.0);
        assertThat(load.requestsPerSecond(NOW + 60)).isZero();
        assertThat(load.requests()).isEqualTo(40);
    }

    @Test
    void aSecondOlderThanItsBucketCountsInTheTotalOnly() {
        record(NOW + 11, 2);
        record(NOW, 5); // a clock that went back: the bucket already counts a later second

        assertThat(load.recentRequests(NOW + 12)).isEqualTo(2);
        assertThat(load.requests()).isEqualTo(7);
    }

    @Test
    void concurrentRecordingLosesNoRequest() throws Exception {
        int threads = 8;
        int perThread = 20_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        load.record(NOW + i % 3); // three seconds, so buckets change hands under contention
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(load.requests()).isEqualTo((long) threads * perThread);
        assertThat(load.recentRequests(NOW + 3)).isEqualTo((long) threads * perThread);
    }

    private void record(long second, int times) {
        for (int i = 0; i < times; i++) {
            load.record(second);
        }
    }

    @Test
    void directCallsReportedByOtherWorkersAddUpApartFromTheGatewaysRequests() {
        load.record(NOW);
        load.recordDirect(40);
        load.recordDirect(2);

        assertThat(load.directRequests()).isEqualTo(42);
        assertThat(load.requests()).isEqualTo(1);
        assertThat(load.snapshot(NOW + 1).directRequests()).isEqualTo(42);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> load.recordDirect(-1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
