package io.jitar.gateway.grid;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryEvictedListener;
import com.hazelcast.map.listener.EntryExpiredListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands the grid's lease events to the {@link GridWorkerRegistry}, on Hazelcast's event threads.
 * An exception must never reach Hazelcast (it would only log it): each event is applied or logged.
 */
final class LeaseEvents implements EntryAddedListener<String, String>, EntryUpdatedListener<String, String>,
        EntryRemovedListener<String, String>, EntryExpiredListener<String, String>, EntryEvictedListener<String, String> {

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
