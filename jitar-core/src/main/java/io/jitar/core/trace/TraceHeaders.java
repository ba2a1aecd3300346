package io.jitar.core.trace;

import io.jitar.tracing.TraceContext;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The W3C Trace Context headers ({@code traceparent}, {@code tracestate}) as every Jitar hop
 * handles them: a valid {@code traceparent} is continued unchanged (with its {@code tracestate}),
 * a missing or invalid one starts a new, sampled trace (and its {@code tracestate} is dropped, as
 * the recommendation says: it belonged to a trace that is not continued). Parsing follows the
 * recommendation's rules for version {@code 00} and for future versions (their first four fields).
 */
public final class TraceHeaders {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";
    /** Longer {@code tracestate} values are dropped: the recommendation allows 32 members of at most 256 characters each. */
    static final int MAX_TRACESTATE = 8192;
    private static final int LENGTH_V00 = 55;
    private static final String SAMPLED = "01";

    private TraceHeaders() {
    }

    /** The context of {@code traceparent} and {@code tracestate}, or {@code null} when {@code traceparent} is missing or invalid. */
    public static TraceContext parse(String traceparent, String tracestate) {
        if (traceparent == null) {
            return null;
        }
        String value = traceparent.trim();
        if (value.length() < LENGTH_V00 || value.charAt(2) != '-' || value.charAt(35) != '-' || value.charAt(52) != '-') {
            return null;
        }
        String version = value.substring(0, 2);
        if (!isHex(version) || version.equals("ff") || version.equals("00") && value.length() != LENGTH_V00
                || value.length() > LENGTH_V00 && value.charAt(LENGTH_V00) != '-') {
            return null;
        }
        String traceId = value.substring(3, 35);
        String parentId = value.substring(36, 52);
        String flags = value.substring(53, 55);
        if (!isHex(traceId) || isZero(traceId) || !isHex(parentId) || isZero(parentId) || !isHex(flags)) {
            return null;
        }
        String state = tracestate == null || tracestate.isBlank() || tracestate.length() > MAX_TRACESTATE ? null : tracestate.trim();
        return new TraceContext(traceId, parentId, flags, state);
    }

    /** The context to go on with: the valid incoming one, else a new trace. */
    public static TraceContext continueOrStart(String traceparent, String tracestate) {
        TraceContext incoming = parse(traceparent, tracestate);
        return incoming != null ? incoming : start();
    }

    /** A new sampled trace with random ids. */
    public static TraceContext start() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new TraceContext(hex(random, 16), hex(random, 8), SAMPLED, null);
    }

    private static String hex(ThreadLocalRandom random, int bytes) {
        StringBuilder text = new StringBuilder(bytes * 2);
        String digits;
        do {
            text.setLength(0);
            for (int i = 0; i < bytes; i += 8) {
                digits = Long.toHexString(random.nextLong());
                text.append("0".repeat(16 - digits.length())).append(digits);
            }
        } while (isZero(text));
        return text.substring(0, bytes * 2);
    }

    private static boolean isHex(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isZero(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }
}
