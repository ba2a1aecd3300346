package io.jitar.proxy.health;

import io.jitar.proxy.routing.ProxySettings;
import io.jitar.proxy.ProxyRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the proxy itself: UP once it is deployed with valid settings, naming the roles it
 * forwards to but not their addresses: the proxy's /health is on the public port, and internal
 * URLs are nothing outsiders need to learn.
 * It does not depend on the upstreams: they report their own health, and a proxy that is up answers
 * 502 for an upstream that is down, which is the truth a client should get. With several gateways
 * it tells how many take requests now ({@code gateways}, {@code gatewaysUp}): the proxy probes them
 * to choose ({@code GatewayHealthWatch}).
 */
@Readiness
@ApplicationScoped
public class ProxyReadinessCheck implements HealthCheck {

    static final String NAME = "jitar-proxy";

    @Inject
    ProxyRuntime runtime;

    @Override
    public HealthCheckResponse call() {
        ProxySettings settings = runtime.settings();
        HealthCheckResponseBuilder answer = HealthCheckResponse.named(NAME)
                .up()
                .withData("rpc", settings.rpc().role())
                .withData("assets", settings.repository().role());
        // With several gateways: how many take requests now (counts only, no addresses).
        runtime.routes().gateways().filter(group -> group.size() > 1).ifPresent(group -> answer
                .withData("gateways", group.size()).withData("gatewaysUp", group.upCount()));
        return answer.build();
    }
}
