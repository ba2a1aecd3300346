package io.jitar.gateway.grid;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.EntryEvent;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryEvictedListener;
import com.hazelcast.map.listener.EntryExpiredListener;
import com.hazelcast.map.listener.EntryMergedListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands the grid's lease events to the {@link GridWorkerRegistry}, on Hazelcast's event threads.
 * An exception must never reach Hazelcast (it would only log it): each event is applied or logged.
 * A member joining this member's view (a gateway started, or a split grid healed) makes the
 * registry read every lease again, on another thread: the events of a split's other side never
 * arrived here, and reading the map on an event thread would hold up the events behind it.
 */
final class LeaseEvents implements EntryAddedListener<String, String>, EntryUpdatedListener<String, String>,
        EntryRemovedListener<String, String>, EntryExpiredListener<String, String>, EntryEvictedListener<String, String>,
        EntryMergedListener<String, String>, MembershipListener {

    private static final Logger LOG = Logger.getLogger(LeaseEvents.class.getName());

    private final GridWorkerRegistry registry;

    LeaseEvents(GridWorkerRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void entryAdded(EntryEvent<String, String> event) {
        written(event);
    }

    @Override
    public void entryUpdated(EntryEvent<String, String> event) {
        written(event);
    }

    /** A split grid healed and this entry came from the other side. */
    @Override
    public void entryMerged(EntryEvent<String, String> event) {
        written(event);
    }

    @Override
    public void entryRemoved(EntryEvent<String, String> event) {
        ended(event, false);
    }

    @Override
    public void entryExpired(EntryEvent<String, String> event) {
        ended(event, true);
    }

    @Override
    public void entryEvicted(EntryEvent<String, String> event) {
        ended(event, false);
    }

    @Override
    public void memberAdded(MembershipEvent event) {
        CompletableFuture.runAsync(() -> registry.resync("gateway " + event.getMember().getAddress() + " joined the grid"));
    }

    @Override
    public void memberRemoved(MembershipEvent event) {
        // Its leases stay: the workers' reports renew them through the other gateways.
    }

    private void written(EntryEvent<String, String> event) {
        try {
            registry.apply(event.getKey(), event.getValue());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Applying the grid's entry for worker " + event.getKey() + " failed", e);
        }
    }

    private void ended(EntryEvent<String, String> event, boolean expired) {
        try {
            registry.ended(event.getKey(), expired);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Removing worker " + event.getKey() + " after its grid entry ended failed", e);
        }
    }
}
