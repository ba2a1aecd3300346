package io.jitar.examples.showcase.crunch;

import java.util.concurrent.CompletionStage;

/**
 * The procedure module {@code crunch}, in segment {@code heavy}: CPU-bound, pure procedures, worth
 * running on several workers. The segment file marks them idempotent, so a gateway may retry a
 * call on another worker when the first one dies while working on it.
 */
public interface Crunch {

    /**
     * {@code crunch/primes}: counts the primes up to {@code limit} (2 to 20,000,000) with a sieve,
     * asynchronously on the server's managed executor.
     *
     * @throws io.jitar.errors.BadRequestException when {@code limit} is out of range
     */
    CompletionStage<PrimeReport> primes(int limit);

    /**
     * {@code crunch/hashChain}: SHA-256 applied {@code rounds} times (1 to 2,000,000) to the UTF-8
     * bytes of {@code text}, then signed by the protected vault.
     *
     * @throws io.jitar.errors.BadRequestException when {@code rounds} is out of range or {@code text} too long
     */
    Digest hashChain(String text, int rounds);

    /**
     * {@code crunch/fingerprint}: the hash chain of a stored note's text (read from segment
     * {@code data}), signed by the vault.
     *
     * @throws io.jitar.errors.BadRequestException naming {@code noteId} when there is no such note
     */
    Digest fingerprint(long noteId, int rounds);
}
