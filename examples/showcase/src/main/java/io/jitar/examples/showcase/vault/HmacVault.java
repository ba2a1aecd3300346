package io.jitar.examples.showcase.vault;

import io.jitar.errors.BadRequestException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signs with HMAC-SHA256. The key is {@code showcase.vault.key} (environment variable
 * {@code SHOWCASE_VAULT_KEY}); unset, a random key is drawn at start, which is fine as long as one
 * worker runs segment {@code protected}.
 */
@ApplicationScoped
public class HmacVault implements Vault {

    static final String ALGORITHM = "HmacSHA256";
    static final int MAX_TEXT_LENGTH = 10_000;
    private static final Logger LOG = Logger.getLogger(HmacVault.class.getName());

    @Inject
    @ConfigProperty(name = "showcase.vault.key")
    Optional<String> configuredKey;

    private SecretKeySpec key;
    private String keyId;

    @PostConstruct
    void open() {
        byte[] secret = configuredKey.filter(k -> !k.isBlank()).map(k -> k.getBytes(StandardCharsets.UTF_8))
                .orElseGet(HmacVault::randomKey);
        key = new SecretKeySpec(secret, ALGORITHM);
        keyId = HexFormat.of().formatHex(sha256(secret)).substring(0, 8);
        LOG.info(() -> "The vault signs with key " + keyId + (configuredKey.isPresent() ? "" : " (drawn at random)"));
    }

    @Override
    public Signature sign(String text) {
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new BadRequestException("Parameter 'text' must be at most " + MAX_TEXT_LENGTH + " characters");
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            String value = HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
            return new Signature(ALGORITHM, keyId, value);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static byte[] randomKey() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
