package io.jitar.examples.loadbalancing.calculator;

import java.math.BigDecimal;

/**
 * The procedure module {@code calculator}: four pure functions, so any worker running segment
 * {@code calculator} gives the same answer (segment file marks them idempotent).
 *
 * <p>Numbers are {@link BigDecimal}s: {@code 15 + 27} answers {@code 42} and {@code 42 / 6} answers
 * {@code 7}, exactly as the original (JavaScript numbers), with no {@code 42.0}.
 */
public interface Calculator {

    BigDecimal add(BigDecimal first, BigDecimal second);

    BigDecimal subtract(BigDecimal first, BigDecimal second);

    BigDecimal multiply(BigDecimal first, BigDecimal second);

    /** @throws io.jitar.errors.BadRequestException when {@code second} is zero */
    BigDecimal divide(BigDecimal first, BigDecimal second);
}
