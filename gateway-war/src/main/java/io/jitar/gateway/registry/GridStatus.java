package io.jitar.gateway.registry;

import com.hazelcast.core.HazelcastInstance;
import io.jitar.gateway.config.GatewaySettings;
import io.jitar.gateway.grid.GridUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Whether the data grid this gateway shares its registry in is there. Payara Micro injects its
 * Hazelcast instance as {@code null} when started with {@code --nohazelcast} (or with the grid
 * switched off in the domain), hence {@link Instance}. Without {@code jitar.gateway.registry=grid}
 * the grid is never touched, even when Payara runs one.
 */
@ApplicationScoped
public class GridStatus {

    @Inject
    GatewaySettings settings;
    @Inject
    Instance<HazelcastInstance> hazelcast;

    /** Whether this gateway shares its registry (whatever the grid's state). */
    public boolean isShared() {
        return settings.gridRegistry();
    }

    /** Payara's instance, looked up once (each lookup without a grid logs a warning); empty without one. */
    private volatile Optional<HazelcastInstance> instance;

    /** The running grid, when this gateway shares its registry and has one. */
    public Optional<HazelcastInstance> grid() {
        if (!settings.gridRegistry()) {
            return Optional.empty();
        }
        Optional<HazelcastInstance> found = instance;
        if (found == null) {
            found = hazelcast.isResolvable() ? Optional.ofNullable(hazelcast.get()) : Optional.empty();
            instance = found;
        }
        return found.filter(grid -> grid.getLifecycleService().isRunning());
    }

    /** Why a shared registry cannot work now; empty when it can, or when the registry is local. */
    public Optional<String> problem() {
        if (!settings.gridRegistry() || grid().isPresent()) {
            return Optional.empty();
        }
        return Optional.of("jitar.gateway.registry=grid, but Payara's data grid is not running in this process "
                + "(started with --nohazelcast, or the grid switched off in the domain?); no registration is taken");
    }

    /** Gateways in the grid, this one included; 0 without a grid. */
    public int members() {
        return grid().map(instance -> instance.getCluster().getMembers().size()).orElse(0);
    }

    /** @throws GridUnavailableException when the registry should be shared but cannot be */
    public void requireGridIfShared() {
        problem().ifPresent(message -> {
            throw new GridUnavailableException(message);
        });
    }
}
