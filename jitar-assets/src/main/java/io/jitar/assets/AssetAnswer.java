package io.jitar.assets;

import io.jitar.core.protocol.ErrorBody;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link AssetServer} answers, for any HTTP adapter to send: a status, the complete response
 * headers (including {@code Content-Type} and {@code Content-Length} when there is a body), and the
 * body, written by {@link #writeBody}. For HEAD the headers are those of the GET and the body is
 * empty. Errors carry a short JSON {@link ErrorBody} such as {@code {"message":"Not found","status":404}}.
 * Immutable.
 */
public final class AssetAnswer {

    public static final String JSON = "application/json;charset=utf-8";

    private final int status;
    private final Map<String, String> headers;
    private final Asset asset;
    private final byte[] bytes;

    private AssetAnswer(int status, Map<String, String> headers, Asset asset, byte[] bytes) {
        this.status = status;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        this.asset = asset;
        this.bytes = bytes;
    }

    /** 200 with the asset's content as the body, unless {@code withBody} is false (HEAD). */
    static AssetAnswer content(Asset asset, Map<String, String> headers, boolean withBody) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", asset.contentType());
        all.put("Content-Length", Long.toString(asset.size()));
        return new AssetAnswer(200, all, withBody ? asset : null, null);
    }

    /** 304 with the validators and caching headers only. */
    static AssetAnswer notModified(Map<String, String> headers) {
        return new AssetAnswer(304, headers, null, null);
    }

    /**
     * An error with a JSON body, for adapters too (e.g. a 500 when writing fails before the
     * answer is committed); {@code message} must already be safe to show.
     */
    public static AssetAnswer error(int status, String message, Map<String, String> headers, boolean withBody) {
        byte[] json = new ErrorBody(status, message, null).jsonBytes();
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", JSON);
        all.put("Content-Length", Integer.toString(json.length));
        return new AssetAnswer(status, all, null, withBody ? json : null);
    }

    public int status() {
        return status;
    }

    /** Header names as HTTP spells them; an unmodifiable map in a stable order. */
    public Map<String, String> headers() {
        return headers;
    }

    /** The asset whose content is the body; empty for HEAD, 304 and errors. */
    public Optional<Asset> asset() {
        return Optional.ofNullable(asset);
    }

    /** True when {@link #writeBody} writes anything. */
    public boolean hasBody() {
        return asset != null || bytes != null;
    }

    /** Writes the body (nothing when there is none) to {@code out}, which stays open. */
    public void writeBody(OutputStream out) throws IOException {
        if (asset != null) {
            asset.writeTo(out);
        } else if (bytes != null) {
            out.write(bytes);
        }
    }

    @Override
    public String toString() {
        return "AssetAnswer[" + status + ", " + headers + "]";
    }
}
