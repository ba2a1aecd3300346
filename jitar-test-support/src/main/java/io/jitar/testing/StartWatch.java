package io.jitar.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * Tells a start that is merely slow from one that will never serve: Payara Micro logs its ready
 * line even when its HTTP listener is gone (a listener that was restarted and could not bind its
 * port again stays closed for good), so a process that logged ready and still accepts no
 * connection {@code grace} later is reported at once instead of at the end of the start limit.
 */
final class StartWatch {

    /** Payara Micro's last start-up line ("... (build 42) ready in 9,041 (ms)"; not "Address already in use"). */
    private static final Pattern READY = Pattern.compile("\\) ready in [0-9,]+ \\(ms\\)");

    private final Duration grace;
    private final Clock clock;
    private Instant readySeen;

    StartWatch(Duration grace, Clock clock) {
        this.grace = grace;
        this.clock = clock;
    }

    /** Called on every poll with the log so far; {@code accepts} is asked only once the grace is over. */
    boolean neverListened(String log, BooleanSupplier accepts) {
        if (readySeen == null) {
            if (!READY.matcher(log).find()) {
                return false;
            }
            readySeen = clock.instant();
        }
        return clock.instant().isAfter(readySeen.plus(grace)) && !accepts.getAsBoolean();
    }
}
