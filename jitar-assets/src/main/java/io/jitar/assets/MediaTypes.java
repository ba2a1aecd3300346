package io.jitar.assets;

import java.util.Locale;
import java.util.Map;

/**
 * The Content-Type of an asset, by file extension (case-insensitive), from a fixed table rather
 * than {@code Files.probeContentType}, whose answer depends on the operating system. Text types
 * carry {@code charset=utf-8}; an unknown extension is {@value #DEFAULT}, which browsers download
 * instead of rendering.
 */
public final class MediaTypes {

    /** The type of files whose extension is not in the table. */
    public static final String DEFAULT = "application/octet-stream";

    private static final String UTF_8 = ";charset=utf-8";

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("html", "text/html" + UTF_8),
            Map.entry("htm", "text/html" + UTF_8),
            Map.entry("css", "text/css" + UTF_8),
            Map.entry("js", "text/javascript" + UTF_8),
            Map.entry("mjs", "text/javascript" + UTF_8),
            Map.entry("json", "application/json" + UTF_8),
            Map.entry("map", "application/json" + UTF_8),
            Map.entry("webmanifest", "application/manifest+json" + UTF_8),
            Map.entry("txt", "text/plain" + UTF_8),
            Map.entry("svg", "image/svg+xml" + UTF_8),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("wasm", "application/wasm"));

    private MediaTypes() {
    }

    /** The Content-Type for a file name such as {@code app.js}; {@value #DEFAULT} when unknown. */
    public static String forFileName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0 || dot == fileName.length() - 1) {
            return DEFAULT;
        }
        return BY_EXTENSION.getOrDefault(fileName.substring(dot + 1).toLowerCase(Locale.ROOT), DEFAULT);
    }
}
