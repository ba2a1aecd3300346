package io.jitar.examples.showcase.crunch;

import java.util.List;

/**
 * What {@code crunch/primes} answers: {@code {"count":25,"largest":97,"limit":100,"millis":0,"tail":[79,83,89,97]}},
 * where {@code tail} holds the largest primes (at most 5) and {@code millis} the time it took.
 */
public record PrimeReport(int limit, int count, int largest, List<Integer> tail, long millis) {
}
