package io.jitar.proxy.routing;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Named upstreams, routes and configurations for the proxy's tests. */
final class ProxyFixtures {

    static final Upstream GATEWAY = new Upstream("gateway", URI.create("http://gateway.internal:8081"));
    static final Upstream REPOSITORY = new Upstream("repository", URI.create("http://repository.internal:8082/"));

    private ProxyFixtures() {
    }

    static ProxyRoutes routes() {
        return new ProxyRoutes(GATEWAY, REPOSITORY);
    }

    /** A configuration of {@code key, value} pairs. */
    static Function<String, Optional<String>> config(String... pairs) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return key -> Optional.ofNullable(values.get(key));
    }

    /** The smallest valid configuration: a gateway and a repository. */
    static Function<String, Optional<String>> minimalConfig(String... more) {
        String[] pairs = new String[4 + more.length];
        pairs[0] = ProxySettings.GATEWAY;
        pairs[1] = "http://gateway.internal:8081";
        pairs[2] = ProxySettings.REPOSITORY;
        pairs[3] = "http://repository.internal:8082";
        System.arraycopy(more, 0, pairs, 4, more.length);
        return config(pairs);
    }
}
