package io.jitar.worker.remote;

import io.jitar.core.protocol.RouteTable;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The workers this worker may call directly, per procedure, as the gateway last told it
 * ({@link RouteFeed}), in the gateway's order. Picking is round robin per procedure, like the
 * gateway's; a worker that refused a connection is skipped for a while ({@link #markDown}) without
 * waiting for the gateway to notice. Reads are lock-free: a table is an immutable map replaced whole.
 */
public final class DirectRoutes {

    /** One callee for one procedure: where its {@code /rpc} is and whether a retry after sending is safe. */
    public record Target(URI url, String scheme, String host, int port, String rpcPath, boolean idempotent) {

        static Target of(URI url, boolean idempotent) {
            String path = url.getRawPath() == null ? "" : url.getRawPath().replaceAll("/+$", "");
            int port = url.getPort() != -1 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80;
            return new Target(url, url.getScheme(), url.getHost(), port, path + "/rpc/", idempotent);
        }
    }

    private final LongSupplier nanoClock;
    private volatile Map<String, Target[]> byProcedure;
    /** Round-robin counters per procedure; kept across tables so turns stay fair while workers come and go. */
    private final Map<String, AtomicInteger> counters = new ConcurrentHashMap<>();
    private final Map<URI, Long> downUntil = new ConcurrentHashMap<>();
    /** Calls sent directly per callee since the last {@link #drainSent}, for the gateway's cluster view. */
    private final Map<String, LongAdder> sent = new ConcurrentHashMap<>();

    public DirectRoutes(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** {@code false} until the first table arrived: calls then go through the gateway. */
    public boolean isLoaded() {
        return byProcedure != null;
    }

    /** Replaces the table; down marks of callees no longer in it are dropped, the others run out. */
    public void update(RouteTable table) {
        Map<String, List<Target>> lists = new HashMap<>();
        for (RouteTable.Route route : table.workers()) {
            URI url = URI.create(route.url());
            for (String procedure : route.procedures()) {
                lists.computeIfAbsent(procedure, p -> new ArrayList<>()).add(Target.of(url, route.idempotent().contains(procedure)));
            }
        }
        Map<String, Target[]> next = new HashMap<>(lists.size() * 4 / 3 + 1);
        lists.forEach((procedure, targets) -> next.put(procedure, targets.toArray(Target[]::new)));
        byProcedure = Map.copyOf(next);
        downUntil.keySet().removeIf(url -> next.values().stream().noneMatch(targets -> contains(targets, url)));
    }

    /** The callees of {@code procedure}, or {@code null} when none is known (or no table yet). */
    public Target[] targets(String procedure) {
        Map<String, Target[]> table = byProcedure;
        return table == null ? null : table.get(procedure);
    }

    /** Where the next call of {@code procedure} starts in its targets: a growing counter. */
    public int nextStart(String procedure) {
        return counters.computeIfAbsent(procedure, p -> new AtomicInteger()).getAndIncrement() & Integer.MAX_VALUE;
    }

    /** Skips {@code url} for {@code howLong}, or until a new table lists it. */
    public void markDown(URI url, Duration howLong) {
        downUntil.put(url, nanoClock.getAsLong() + howLong.toNanos());
    }

    public boolean isDown(URI url) {
        Long until = downUntil.get(url);
        return until != null && until - nanoClock.getAsLong() > 0;
    }

    /** Counts one call sent to {@code target} (answered, failed after sending or timed out). */
    public void countSent(Target target) {
        sent.computeIfAbsent(target.url().toString(), url -> new LongAdder()).increment();
    }

    /** The calls sent per callee URL since the last drain, and starts counting anew. */
    public Map<String, Long> drainSent() {
        Map<String, Long> drained = new HashMap<>();
        sent.forEach((url, count) -> {
            long calls = count.sumThenReset();
            if (calls > 0) {
                drained.put(url, calls);
            }
        });
        return drained;
    }

    private static boolean contains(Target[] targets, URI url) {
        for (Target target : targets) {
            if (target.url().equals(url)) {
                return true;
            }
        }
        return false;
    }
}
