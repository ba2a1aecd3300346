package io.jitar.assets;

import io.jitar.core.config.Durations;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a repository (or a standalone worker) serves assets, read from configuration and validated
 * once, so that a wrong value stops the service at start with a message naming the key.
 *
 * @param assetRoot            {@value #ASSET_ROOT}: an existing folder to serve from; empty (the
 *                             default) means the assets packaged with the service
 * @param assets               {@value #ASSETS}: comma-separated globs of the files that may be
 *                             served, default {@value #DEFAULT_ASSETS}
 * @param index                {@value #INDEX}: the file served for {@code /}, default
 *                             {@value #DEFAULT_INDEX}; always servable, whitelisted or not
 * @param serveIndexOnNotFound {@value #SERVE_INDEX_ON_NOT_FOUND}: answer every valid path that has no
 *                             servable file with the index and 200, for single-page applications
 *                             that route in the browser; default {@code false}
 * @param cacheMaxAge          {@value #CACHE_MAX_AGE}: {@code max-age} of assets other than the
 *                             index, e.g. {@code 1h}, {@code 0s}; default {@code 1h}
 */
public record AssetServerSettings(Optional<Path> assetRoot, AssetWhitelist assets, AssetPath index,
                                  boolean serveIndexOnNotFound, Duration cacheMaxAge) {

    public static final String ASSET_ROOT = "jitar.repository.asset-root";
    public static final String ASSETS = "jitar.repository.assets";
    public static final String INDEX = "jitar.repository.index";
    public static final String SERVE_INDEX_ON_NOT_FOUND = "jitar.repository.serve-index-on-not-found";
    public static final String CACHE_MAX_AGE = "jitar.repository.cache-max-age";

    /** What a typical front-end build produces; source maps and top-level JSON stay private. */
    public static final String DEFAULT_ASSETS = "*.html,*.css,*.js,*.mjs,*.ico,*.svg,*.png,assets/**/*";
    public static final String DEFAULT_INDEX = "index.html";

    /**
     * Reads every key through {@code config}, which answers a configured value or empty; blank
     * values count as absent.
     *
     * @throws IllegalArgumentException naming the key of the first wrong value
     */
    public static AssetServerSettings from(Function<String, Optional<String>> config) {
        Function<String, Optional<String>> values = key -> config.apply(key).map(String::trim).filter(v -> !v.isEmpty());
        Optional<Path> assetRoot = values.apply(ASSET_ROOT).map(AssetServerSettings::folder);
        AssetWhitelist assets = whitelist(values.apply(ASSETS).orElse(DEFAULT_ASSETS));
        AssetPath index = index(values.apply(INDEX).orElse(DEFAULT_INDEX));
        boolean serveIndex = bool(SERVE_INDEX_ON_NOT_FOUND, values.apply(SERVE_INDEX_ON_NOT_FOUND).orElse("false"));
        Duration maxAge = Durations.parse(CACHE_MAX_AGE, values.apply(CACHE_MAX_AGE).orElse("1h"));
        if (maxAge.isNegative()) {
            throw invalid(CACHE_MAX_AGE, maxAge.toString(), "must be >= 0");
        }
        return new AssetServerSettings(assetRoot, assets, index, serveIndex, maxAge);
    }

    /** Every default: packaged assets, {@value #DEFAULT_ASSETS}, {@value #DEFAULT_INDEX}, 1 h. */
    public static AssetServerSettings defaults() {
        return from(key -> Optional.empty());
    }

    private static Path folder(String value) {
        try {
            Path folder = Path.of(value);
            if (Files.isDirectory(folder)) {
                return folder;
            }
        } catch (InvalidPathException e) {
            // reported below with the key
        }
        throw invalid(ASSET_ROOT, value, "must be an existing folder");
    }

    private static AssetWhitelist whitelist(String value) {
        try {
            AssetWhitelist whitelist = AssetWhitelist.parse(value);
            if (whitelist.patterns().isEmpty()) {
                throw new IllegalArgumentException("no pattern given");
            }
            return whitelist;
        } catch (IllegalArgumentException e) {
            throw invalid(ASSETS, value, e.getMessage());
        }
    }

    private static AssetPath index(String value) {
        return AssetPath.parse(value).filter(path -> !path.isRoot())
                .orElseThrow(() -> invalid(INDEX, value, "must be a file path relative to the asset root"));
    }

    private static boolean bool(String key, String value) {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw invalid(key, value, "must be true or false");
    }

    private static IllegalArgumentException invalid(String key, String value, String reason) {
        return new IllegalArgumentException("Invalid value for '" + key + "' ('" + value + "'): " + reason);
    }
}
