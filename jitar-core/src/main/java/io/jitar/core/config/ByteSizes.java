package io.jitar.core.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses configured sizes: {@code 1048576}, {@code 512KB}, {@code 1MB}, {@code 1GB} (powers of 1024). */
public final class ByteSizes {

    private static final Pattern SIZE = Pattern.compile("(\\d{1,12})\\s*(B|KB|MB|GB)?");

    private ByteSizes() {
    }

    /** @throws IllegalArgumentException naming the key and the value */
    public static long parse(String key, String text) {
        Matcher matcher = SIZE.matcher(text == null ? "" : text.trim().toUpperCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Invalid size for '" + key + "': '" + text + "'; write it like 512KB or 1MB");
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "B" : matcher.group(2);
        long factor = switch (unit) {
            case "KB" -> 1024L;
            case "MB" -> 1024L * 1024;
            case "GB" -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        long size;
        try {
            size = Math.multiplyExact(amount, factor);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("Invalid size for '" + key + "': too large, got '" + text + "'");
        }
        if (size <= 0) {
            throw new IllegalArgumentException("Invalid size for '" + key + "': must be > 0, got '" + text + "'");
        }
        return size;
    }
}
