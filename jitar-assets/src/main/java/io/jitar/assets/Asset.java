package io.jitar.assets;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * One file an {@link AssetSource} found: where it is, what it is, and the validators that let a
 * client revalidate its copy. The content is read from {@code file} when it is sent, never held in
 * memory.
 *
 * @param path         the path it was asked for, relative to the asset root
 * @param file         the regular file, already checked to lie inside the asset root
 * @param contentType  the Content-Type, see {@link MediaTypes}
 * @param size         in bytes, {@code >= 0}
 * @param lastModified when the file last changed
 */
public record Asset(AssetPath path, Path file, String contentType, long size, Instant lastModified) {

    /** @throws IllegalArgumentException when {@code size} is negative */
    public Asset {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(lastModified, "lastModified");
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0, got " + size);
        }
    }

    /**
     * A weak entity tag made of size and modification time, {@code W/"1a2b-18c4f0e9a00"}: cheap
     * (no hashing of content) and changed by every redeployment that rewrites the file. Weak,
     * because two different files of equal size written in the same millisecond would share it:
     * good enough to revalidate a cache, not to splice byte ranges (which this server does not
     * offer).
     */
    public String entityTag() {
        return "W/\"" + Long.toHexString(size) + "-" + Long.toHexString(lastModified.toEpochMilli()) + "\"";
    }

    /** Opens the content; the caller closes the stream. */
    public InputStream open() throws IOException {
        return Files.newInputStream(file);
    }

    /** Copies the content to {@code out}, which stays open. */
    public void writeTo(OutputStream out) throws IOException {
        Files.copy(file, out);
    }
}
