package io.jitar.gateway.cluster;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many requests the gateway sent one worker: in all, and recently; and how many calls other
 * workers reported sending it directly ({@link #recordDirect}), in all.
 *
 * <p>On every forwarded request's path, so lock-free and allocation-free: the total is a
 * {@link LongAdder}; recent load is a ring of per-second buckets, each one {@code long} holding
 * the second it counts (high 32 bits) and its count (low 32 bits), updated by compare-and-set. A
 * bucket that still holds an older second is reset by the first request of its new second, in the
 * same atomic step, so no request is lost to a race between reset and increment.
 *
 * <p>Recent load is measured over the {@value #WINDOW_SECONDS} whole seconds before the current one:
 * a second still running would make the rate look low. The ring has one bucket more than the window,
 * for that current second.
 *
 * <p>Times are epoch seconds, passed in by the caller (the gateway's clock), so that tests choose
 * them. A request recorded for a second older than its bucket's (a clock that went back) counts in
 * the total only. Thread-safe.
 */
public final class WorkerLoad {

    /** The seconds recent load is measured over. */
    public static final int WINDOW_SECONDS = 10;

    private static final int BUCKETS = WINDOW_SECONDS + 1;
    private static final long LOW_32 = 0xFFFF_FFFFL;

    private final LongAdder total = new LongAdder();
    private final LongAdder direct = new LongAdder();
    /** Per bucket: {@code (second << 32) | count}, second taken modulo 2^32 (good until 2106). */
    private final AtomicLongArray buckets = new AtomicLongArray(BUCKETS);

    /** Counts one request sent in {@code epochSecond}. */
    public void record(long epochSecond) {
        total.increment();
        int index = index(epochSecond);
        long second = epochSecond & LOW_32;
        while (true) {
            long bucket = buckets.get(index);
            long bucketSecond = bucket >>> 32;
            long next;
            if (bucketSecond == second) {
                if ((bucket & LOW_32) == LOW_32) {
                    return; // 4 billion requests in one second: the bucket is full, the total still counts
                }
                next = bucket + 1;
            } else if (bucketSecond < second) {
                next = (second << 32) | 1;
            } else {
                return; // the bucket already counts a later second
            }
            if (buckets.compareAndSet(index, bucket, next)) {
                return;
            }
        }
    }

    /** Adds {@code calls} that other workers reported sending this worker directly (not through the gateway). */
    public void recordDirect(long calls) {
        if (calls < 0) {
            throw new IllegalArgumentException("calls must be >= 0, got " + calls);
        }
        direct.add(calls);
    }

    /** Every direct call other workers reported sending this worker since it registered. */
    public long directRequests() {
        return direct.sum();
    }

    /** Every request recorded since the worker registered. */
    public long requests() {
        return total.sum();
    }

    /** Requests in the {@value #WINDOW_SECONDS} whole seconds before {@code epochSecond}. */
    public long recentRequests(long epochSecond) {
        long sum = 0;
        for (long second = epochSecond - WINDOW_SECONDS; second < epochSecond; second++) {
            long bucket = buckets.get(index(second));
            if (bucket >>> 32 == (second & LOW_32)) {
                sum += bucket & LOW_32;
            }
        }
        return sum;
    }

    /** The mean rate over the {@value #WINDOW_SECONDS} whole seconds before {@code epochSecond}. */
    public double requestsPerSecond(long epochSecond) {
        return recentRequests(epochSecond) / (double) WINDOW_SECONDS;
    }

    /** All three figures at {@code epochSecond}, for a monitoring view. */
    public Snapshot snapshot(long epochSecond) {
        long recent = recentRequests(epochSecond);
        return new Snapshot(requests(), recent, recent / (double) WINDOW_SECONDS, directRequests());
    }

    private static int index(long epochSecond) {
        return (int) Math.floorMod(epochSecond, (long) BUCKETS);
    }

    /**
     * @param requests          every request since registration
     * @param recentRequests    requests in the {@value #WINDOW_SECONDS} whole seconds before now
     * @param requestsPerSecond {@code recentRequests} per second
     * @param directRequests    direct calls other workers reported sending it, since registration
     */
    public record Snapshot(long requests, long recentRequests, double requestsPerSecond, long directRequests) {
    }

    @Override
    public String toString() {
        return "WorkerLoad[requests=" + requests() + "]";
    }
}
