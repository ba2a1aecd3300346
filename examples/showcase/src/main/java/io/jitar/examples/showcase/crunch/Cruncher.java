package io.jitar.examples.showcase.crunch;

import io.jitar.errors.BadRequestException;
import io.jitar.examples.showcase.notes.Note;
import io.jitar.examples.showcase.notes.NoteNotFoundException;
import io.jitar.examples.showcase.notes.Notes;
import io.jitar.examples.showcase.vault.Signature;
import io.jitar.examples.showcase.vault.Vault;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.stream.IntStream;

/**
 * The number cruncher. It calls two other segments: the protected vault (to sign a digest) and
 * the notes (to read a note). In a cluster both run on another worker and {@code vault} and
 * {@code notes} are remote proxies; standalone they are the local beans.
 */
@ApplicationScoped
public class Cruncher implements Crunch {

    static final int MAX_LIMIT = 20_000_000;
    static final int MAX_ROUNDS = 2_000_000;
    static final int MAX_TEXT_LENGTH = 1_000;
    private static final int TAIL = 5;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @Inject
    Vault vault;

    @Inject
    Notes notes;

    @Override
    public CompletionStage<PrimeReport> primes(int limit) {
        if (limit < 2 || limit > MAX_LIMIT) {
            throw new BadRequestException("Parameter 'limit' must be between 2 and " + MAX_LIMIT);
        }
        return executor.supplyAsync(() -> sieve(limit));
    }

    @Override
    public Digest hashChain(String text, int rounds) {
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new BadRequestException("Parameter 'text' must be at most " + MAX_TEXT_LENGTH + " characters");
        }
        return digest(text, text, rounds);
    }

    @Override
    public Digest fingerprint(long noteId, int rounds) {
        checkRounds(rounds);
        Note note;
        try {
            note = notes.get(noteId);
        } catch (NoteNotFoundException e) {
            // thrown in segment data, caught here by its type, wherever segment data runs
            throw new BadRequestException("Parameter 'noteId' names no note: " + e.getMessage());
        }
        return digest("note " + note.id(), Note.signedText(note.author(), note.text()), rounds);
    }

    private Digest digest(String subject, String text, int rounds) {
        checkRounds(rounds);
        long start = System.nanoTime();
        String sha256 = HexFormat.of().formatHex(chain(text.getBytes(StandardCharsets.UTF_8), rounds));
        long millis = (System.nanoTime() - start) / 1_000_000;
        Signature signature = vault.sign(sha256);
        return new Digest(subject, rounds, sha256, signature, millis);
    }

    private static void checkRounds(int rounds) {
        if (rounds < 1 || rounds > MAX_ROUNDS) {
            throw new BadRequestException("Parameter 'rounds' must be between 1 and " + MAX_ROUNDS);
        }
    }

    static byte[] chain(byte[] input, int rounds) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] value = input;
            for (int i = 0; i < rounds; i++) {
                value = sha.digest(value);
            }
            return value;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    static PrimeReport sieve(int limit) {
        long start = System.nanoTime();
        BitSet composite = new BitSet(limit + 1);
        for (int i = 2; (long) i * i <= limit; i = composite.nextClearBit(i + 1)) {
            for (int multiple = i * i; multiple <= limit; multiple += i) {
                composite.set(multiple);
            }
        }
        int count = 0;
        for (int i = composite.nextClearBit(2); i <= limit; i = composite.nextClearBit(i + 1)) {
            count++;
        }
        List<Integer> tail = IntStream.iterate(composite.previousClearBit(limit), i -> i >= 2, i -> composite.previousClearBit(i - 1))
                .limit(TAIL).boxed().sorted().toList();
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new PrimeReport(limit, count, tail.get(tail.size() - 1), tail, millis);
    }
}
