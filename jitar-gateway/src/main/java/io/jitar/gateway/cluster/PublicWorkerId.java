package io.jitar.gateway.cluster;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The name under which the public cluster view shows a registration: 16 hex digits of the
 * SHA-256 of its id. Not the id itself, because the id is a worker's credential: the gateway
 * hands it only to a registrant that presented the trust key, and accepts reports and removals
 * for it without the key, as the original Jitar's workers send them (with the key in the
 * registration body only). Anyone could read an id from {@code /cluster}; nobody can turn this
 * back into one.
 */
public final class PublicWorkerId {

    private static final int BYTES = 8;

    private PublicWorkerId() {
    }

    public static String of(String registrationId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(registrationId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
