package io.jitar.worker.remote;

import io.jitar.worker.config.WorkerSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * The gateways a clustered worker talks to ({@code jitar.worker.gateway}, comma-separated), one of
 * them current. Gateways that share their registry in the data grid all know this worker, so it
 * needs only one: registration, reports, calls through a gateway and the route feed all use the
 * current one, and whichever of them first cannot reach it moves every one of them on to the
 * next. One gateway (the usual case) is always current.
 *
 * <p>Thread-safe: a failover is one compare-and-set, so callers that fail at the same time move on
 * by one gateway, not by one each.
 */
@ApplicationScoped
public class Gateways {

    private static final Logger LOG = Logger.getLogger(Gateways.class.getName());

    @Inject
    WorkerSettings settings;

    private List<URI> urls;
    private final AtomicInteger current = new AtomicInteger();

    @PostConstruct
    void open() {
        urls = settings.gateways();
    }

    /** For tests and for classes built without CDI. */
    public static Gateways of(List<URI> urls) {
        Gateways gateways = new Gateways();
        gateways.urls = List.copyOf(urls);
        return gateways;
    }

    /** The gateway to use now. */
    public URI current() {
        return urls.get(current.get());
    }

    /** How many gateways there are: how many a call may try before it gives up. */
    public int size() {
        return urls.size();
    }

    public List<URI> all() {
        return urls;
    }

    /**
     * {@code failed} could not be reached: if it is still the current gateway, the next one becomes
     * current. Returns the gateway to use now.
     */
    public URI failed(URI failed) {
        int index = current.get();
        if (urls.size() > 1 && urls.get(index).equals(failed)) {
            int next = (index + 1) % urls.size();
            if (current.compareAndSet(index, next)) {
                LOG.warning(() -> "Gateway " + failed + " cannot be reached; moving on to gateway " + urls.get(next));
            }
        }
        return current();
    }
}
