package io.jitar.assets;

import java.util.Optional;

/**
 * Where assets come from: a folder on disk, the folder of assets packaged in a WAR, or anything
 * else that can answer "which regular file is at this path?".
 * <p>
 * Contract for implementations: return an asset only for a readable regular file that lies inside
 * the source's root also after following symbolic links; everything else (missing, folder, link
 * leading outside, unreadable) is {@link Optional#empty()}, never an exception. The whitelist is
 * not the source's business: {@link AssetServer} applies it. Implementations are thread-safe.
 */
public interface AssetSource {

    /** The regular file at {@code path}, or empty; {@code path} is never the root path. */
    Optional<Asset> find(AssetPath path);
}
