package io.jitar.examples.showcase.vault;

/**
 * The procedure module {@code vault}, in segment {@code protected}: it holds the signing key, which
 * never leaves it. {@code vault/sign} is protected: the other segments call it (in a cluster
 * through the gateway, with the workers' trust key); a caller from outside gets 401, and the proxy
 * removes any trust key an outside caller sends.
 */
public interface Vault {

    /**
     * {@code vault/sign}: an HMAC-SHA256 signature of {@code text}.
     *
     * @throws io.jitar.errors.BadRequestException when {@code text} is longer than 10,000 characters
     */
    Signature sign(String text);
}
