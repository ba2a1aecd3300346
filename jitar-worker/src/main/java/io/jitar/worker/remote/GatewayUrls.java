package io.jitar.worker.remote;

import java.net.URI;

/** URLs below a gateway's base URL, keeping its context root ({@code http://host/gateway} + {@code workers}). */
public final class GatewayUrls {

    private GatewayUrls() {
    }

    public static URI below(URI gateway, String path) {
        String base = gateway.toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + path);
    }
}
