package io.jitar.assets;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Serves the files of an application, as the original Jitar repository does, for any HTTP
 * adapter (a servlet, a JAX-RS resource): {@link #serve} turns method, raw path and request
 * headers into an {@link AssetAnswer}.
 * <ul>
 * <li>{@code /} serves the index; any other path is served only when it passes {@link AssetPath}'s
 * checks, the whitelist allows it (the index is always allowed) and the source has it.</li>
 * <li>Anything else is 404 with a JSON error; with {@code serveIndexOnNotFound}, a valid path
 * without a servable file gets the index and 200 instead (paths refused as unsafe stay 404).</li>
 * <li>GET and HEAD only, otherwise 405 with {@code Allow: GET, HEAD}.</li>
 * <li>ETag and Last-Modified on every asset; If-None-Match and If-Modified-Since give 304
 * ({@link ConditionalRequest}); Cache-Control by {@link CachePolicy}; {@code nosniff} always.</li>
 * </ul>
 * Error messages show the requested path only percent-encoded and cut to 64 characters. Immutable
 * and thread-safe.
 */
public final class AssetServer {

    private static final int SHOWN_PATH_LENGTH = 64;
    private static final String UNRESERVED = "-._~/%";

    private final AssetSource source;
    private final AssetWhitelist whitelist;
    private final AssetPath index;
    private final boolean serveIndexOnNotFound;
    private final CachePolicy cachePolicy;

    public AssetServer(AssetSource source, AssetWhitelist whitelist, AssetPath index, boolean serveIndexOnNotFound,
                       CachePolicy cachePolicy) {
        this.source = Objects.requireNonNull(source, "source");
        this.whitelist = Objects.requireNonNull(whitelist, "whitelist");
        this.index = Objects.requireNonNull(index, "index");
        this.serveIndexOnNotFound = serveIndexOnNotFound;
        this.cachePolicy = Objects.requireNonNull(cachePolicy, "cachePolicy");
    }

    /** A server for {@code source} with the whitelist, index and caching of {@code settings}. */
    public static AssetServer of(AssetSource source, AssetServerSettings settings) {
        return new AssetServer(source, settings.assets(), settings.index(), settings.serveIndexOnNotFound(),
                new CachePolicy(settings.cacheMaxAge()));
    }

    /** {@link #serve(String, String, Map)} for a GET. */
    public AssetAnswer serve(String rawPath, Map<String, String> requestHeaders) {
        return serve("GET", rawPath, requestHeaders);
    }

    /**
     * @param method         the HTTP method, e.g. {@code GET}
     * @param rawPath        the path below the service's root as sent, still percent-encoded, e.g.
     *                       {@code /assets/app.js}; a query is ignored
     * @param requestHeaders the request's headers, names in any case; only the conditional ones are read
     */
    public AssetAnswer serve(String method, String rawPath, Map<String, String> requestHeaders) {
        boolean head = "HEAD".equals(method);
        if (!head && !"GET".equals(method)) {
            Map<String, String> headers = errorHeaders();
            headers.put("Allow", "GET, HEAD");
            return AssetAnswer.error(405, "Method not allowed: use GET or HEAD", headers, true);
        }
        Optional<AssetPath> path = AssetPath.parse(rawPath);
        Optional<Asset> asset = path.flatMap(this::find);
        if (asset.isEmpty() && path.isPresent() && serveIndexOnNotFound) {
            asset = source.find(index);
        }
        if (asset.isEmpty()) {
            return AssetAnswer.error(404, "Not found: " + shown(String.valueOf(rawPath).split("[?#]", 2)[0]), errorHeaders(), !head);
        }
        return answer(asset.get(), conditional(requestHeaders), !head);
    }

    private Optional<Asset> find(AssetPath path) {
        if (path.isRoot()) {
            return source.find(index);
        }
        return path.equals(index) || whitelist.allows(path) ? source.find(path) : Optional.empty();
    }

    private AssetAnswer answer(Asset asset, ConditionalRequest conditional, boolean withBody) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Cache-Control", asset.path().equals(index) ? cachePolicy.forIndex() : cachePolicy.forAsset());
        headers.put("ETag", asset.entityTag());
        headers.put("Last-Modified", HttpDates.format(asset.lastModified()));
        headers.put("X-Content-Type-Options", "nosniff");
        if (conditional.isNotModified(asset)) {
            return AssetAnswer.notModified(headers);
        }
        return AssetAnswer.content(asset, headers, withBody);
    }

    private Map<String, String> errorHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Cache-Control", cachePolicy.forError());
        headers.put("X-Content-Type-Options", "nosniff");
        return headers;
    }

    private static ConditionalRequest conditional(Map<String, String> headers) {
        return ConditionalRequest.of(header(headers, ConditionalRequest.IF_NONE_MATCH),
                header(headers, ConditionalRequest.IF_MODIFIED_SINCE));
    }

    private static String header(Map<String, String> headers, String name) {
        return headers.entrySet().stream().filter(entry -> name.equalsIgnoreCase(entry.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /** The raw path as an error message may show it: unreserved characters only, the rest %XX, cut short. */
    static String shown(String rawPath) {
        StringBuilder shown = new StringBuilder();
        for (byte b : String.valueOf(rawPath).getBytes(StandardCharsets.UTF_8)) {
            if (shown.length() >= SHOWN_PATH_LENGTH) {
                return shown.append("...").toString();
            }
            char c = (char) (b & 0xff);
            boolean plain = c < 0x80 && (Character.isLetterOrDigit(c) || UNRESERVED.indexOf(c) >= 0);
            shown.append(plain ? String.valueOf(c) : String.format("%%%02X", b & 0xff));
        }
        return shown.toString();
    }
}
