package io.jitar.assets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Assets in a folder: a configured folder on disk, or the assets folder of an exploded WAR.
 * <p>
 * A path is resolved against the folder's real path (links in the root itself resolved once, at
 * construction) and accepted only when both the lexical result and its real path (every symbolic
 * link followed) stay inside it: a link that points outside the root is treated as missing, a link
 * to another file inside the root is followed. Folders are never assets. Thread-safe.
 */
public final class DirectoryAssetSource implements AssetSource {

    private final Path root;

    /**
     * @throws IllegalArgumentException when {@code root} does not exist or is not a folder
     * @throws UncheckedIOException     when its real path cannot be determined
     */
    public DirectoryAssetSource(Path root) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("'" + root + "' is not an existing folder");
        }
        try {
            this.root = root.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot resolve the asset root '" + root + "'", e);
        }
    }

    /** The real path of the folder. */
    public Path root() {
        return root;
    }

    @Override
    public Optional<Asset> find(AssetPath path) {
        if (path.isRoot()) {
            return Optional.empty();
        }
        try {
            Path candidate = root.resolve(path.toString()).normalize();
            if (!candidate.startsWith(root) || candidate.equals(root)) {
                return Optional.empty();
            }
            Path real = candidate.toRealPath();
            if (!real.startsWith(root)) {
                return Optional.empty();
            }
            BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class);
            if (!attributes.isRegularFile() || !Files.isReadable(real)) {
                return Optional.empty();
            }
            return Optional.of(new Asset(path, real, MediaTypes.forFileName(path.fileName()), attributes.size(),
                    attributes.lastModifiedTime().toInstant()));
        } catch (IOException | InvalidPathException | SecurityException e) {
            return Optional.empty(); // missing, a broken link, or not ours to read: all look the same
        }
    }

    @Override
    public String toString() {
        return "DirectoryAssetSource[" + root + "]";
    }
}
