package io.jitar.examples.accessprotection.game;

/**
 * The procedure module {@code game}, in segment {@code protected}: it owns the secret.
 *
 * <ul>
 *   <li>{@code game/checkSecret} is protected: another segment may call it only with the trust key
 *       (the workers of a cluster send theirs), an outside caller without it gets 401;</li>
 *   <li>{@code game/getSecret} is private: only code inside segment {@code protected} may call it,
 *       over RPC it does not exist (404).</li>
 * </ul>
 */
public interface Game {

    boolean checkSecret(int secret);

    int getSecret();
}
