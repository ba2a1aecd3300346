package io.jitar.examples.loadbalancing.calculator;

import io.jitar.errors.BadRequestException;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.function.Supplier;

/**
 * The calculator: stateless, so it can run on as many workers as needed. Every operation rounds
 * to 16 significant digits (like a double), answers 400 for results of 1e309 and more, and rounds
 * results below 1e-308 to 0, so no argument (say {@code 1e999999999}) can make it build a gigantic
 * number.
 */
@ApplicationScoped
public class DefaultCalculator implements Calculator {

    private static final MathContext PRECISION = MathContext.DECIMAL64;
    private static final long MAX_EXPONENT = 308;

    @Override
    public BigDecimal add(BigDecimal first, BigDecimal second) {
        return compute(() -> first.add(second, PRECISION));
    }

    @Override
    public BigDecimal subtract(BigDecimal first, BigDecimal second) {
        return compute(() -> first.subtract(second, PRECISION));
    }

    @Override
    public BigDecimal multiply(BigDecimal first, BigDecimal second) {
        return compute(() -> first.multiply(second, PRECISION));
    }

    @Override
    public BigDecimal divide(BigDecimal first, BigDecimal second) {
        if (second.signum() == 0) {
            throw new BadRequestException("Cannot divide by zero: 'second' must not be 0");
        }
        return compute(() -> first.divide(second, PRECISION));
    }

    /** Runs an operation and tidies its result: 42.0 becomes 42, 1E+2 becomes 100. */
    private static BigDecimal compute(Supplier<BigDecimal> operation) {
        BigDecimal result;
        try {
            result = operation.get();
        } catch (ArithmeticException e) {
            // the exponent itself overflowed: far beyond any useful number
            throw new BadRequestException("The result is out of range");
        }
        if (result.signum() == 0) {
            return BigDecimal.ZERO;
        }
        long exponent = (long) result.precision() - result.scale() - 1;
        if (exponent > MAX_EXPONENT) {
            throw new BadRequestException("The result is too large: its magnitude must be less than 1e309");
        }
        if (exponent < -MAX_EXPONENT) {
            return BigDecimal.ZERO;
        }
        BigDecimal stripped = result.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
