package io.jitar.proxy.routing;

import java.net.URI;
import java.util.Objects;

/**
 * Where one request goes: the upstream and the full URI there.
 *
 * @param upstream the chosen upstream
 * @param uri      the request's path and query appended, unchanged, to the upstream's base
 */
public record Route(Upstream upstream, URI uri) {

    public Route {
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(uri, "uri");
    }
}
