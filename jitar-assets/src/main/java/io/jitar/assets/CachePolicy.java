package io.jitar.assets;

import java.time.Duration;
import java.util.Objects;

/**
 * The {@code Cache-Control} value of each answer.
 * <ul>
 * <li>The index (also when served for an unknown path) is {@code no-cache}: browsers and proxies
 * keep it but revalidate every time (a cheap 304), so a new deployment, whose index names new
 * asset files, is picked up at once.</li>
 * <li>Other assets are {@code public, max-age=N}, N being the configured maximum age (default
 * one hour); a maximum age of zero makes them {@code no-cache} too. Builds that put a content
 * hash in asset names can raise it to a year.</li>
 * <li>Errors are {@code no-store}: a 404 must not outlive the deployment that fixes it.</li>
 * </ul>
 * Immutable.
 */
public final class CachePolicy {

    /** One hour: long enough to spare the repository, short enough for files without hashed names. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(1);

    static final String REVALIDATE = "no-cache";
    static final String NO_STORE = "no-store";

    private final Duration maxAge;

    /** @throws IllegalArgumentException when {@code maxAge} is negative */
    public CachePolicy(Duration maxAge) {
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("maxAge must be >= 0, got " + maxAge);
        }
        this.maxAge = maxAge;
    }

    public Duration maxAge() {
        return maxAge;
    }

    /** For the index file. */
    public String forIndex() {
        return REVALIDATE;
    }

    /** For every asset other than the index. */
    public String forAsset() {
        return maxAge.toSeconds() == 0 ? REVALIDATE : "public, max-age=" + maxAge.toSeconds();
    }

    /** For error answers. */
    public String forError() {
        return NO_STORE;
    }
}
