package io.jitar.proxy.routing;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

/**
 * The gateways the proxy sends RPC to ({@code jitar.proxy.gateway}, comma-separated): gateways that
 * share one registry in the data grid, any of which can take any call. Requests take turns over
 * them; a gateway that refused a connection is skipped for {@link #DOWN_TIME} and the refused
 * request goes to the next one at once (it never arrived, so that is always safe). With one
 * gateway, nothing is counted or marked: it is always the one.
 *
 * <p>Thread-safe and allocation-free: a counter and an array of down-until times.
 */
public final class GatewayGroup {

    /** How long a gateway that refused a connection gets no requests, unless every other is down too. */
    public static final Duration DOWN_TIME = Duration.ofSeconds(2);

    private final Upstream[] members;
    private final AtomicInteger turns = new AtomicInteger();
    private final AtomicLongArray downUntil;
    private final LongSupplier nanoClock;

    public GatewayGroup(List<Upstream> members, LongSupplier nanoClock) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a gateway group needs at least one gateway");
        }
        this.members = members.toArray(Upstream[]::new);
        this.downUntil = new AtomicLongArray(this.members.length);
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    public int size() {
        return members.length;
    }

    public List<Upstream> members() {
        return List.of(members);
    }

    /** The gateway for the next request: the next in turn that is not marked down (if all are, the next in turn). */
    public Upstream pick() {
        if (members.length == 1) {
            return members[0];
        }
        int start = Math.floorMod(turns.getAndIncrement(), members.length);
        return firstUp(start);
    }

    /**
     * {@code refused} did not take a connection: it is marked down, and the request goes to the
     * gateway after it, the next that is not down (or simply the next when all are).
     */
    public Upstream after(Upstream refused) {
        int index = indexOf(refused);
        markDown(index);
        return firstUp((index + 1) % members.length);
    }

    /** The gateway failed a health probe: no requests for {@link #DOWN_TIME} (unless every other is down too). */
    public void markDown(Upstream gateway) {
        markDown(indexOf(gateway));
    }

    private void markDown(int index) {
        if (members.length > 1 && index >= 0) {
            long until = nanoClock.getAsLong() + DOWN_TIME.toNanos();
            downUntil.set(index, until == 0 ? 1 : until);
        }
    }

    /** How many gateways take requests now (not marked down). */
    public int upCount() {
        long now = nanoClock.getAsLong();
        int up = 0;
        for (int index = 0; index < members.length; index++) {
            long until = downUntil.get(index);
            up += until == 0 || now - until >= 0 ? 1 : 0;
        }
        return up;
    }

    private Upstream firstUp(int start) {
        long now = nanoClock.getAsLong();
        for (int offset = 0; offset < members.length; offset++) {
            int index = (start + offset) % members.length;
            long until = downUntil.get(index);
            if (until == 0 || now - until >= 0) { // 0: never marked (nanoTime itself may be negative)
                return members[index];
            }
        }
        return members[start];
    }

    private int indexOf(Upstream upstream) {
        for (int index = 0; index < members.length; index++) {
            if (members[index] == upstream) {
                return index;
            }
        }
        return -1;
    }
}
