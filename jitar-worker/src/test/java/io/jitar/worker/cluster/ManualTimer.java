package io.jitar.worker.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A {@link Membership.Timer} whose time moves only when a test says so; records every delay asked for. */
final class ManualTimer implements Membership.Timer {

    private final class Task {
        final Runnable work;
        final Duration period;
        Duration due;
        boolean cancelled;

        Task(Runnable work, Duration due, Duration period) {
            this.work = work;
            this.due = due;
            this.period = period;
        }
    }

    private final List<Task> tasks = new ArrayList<>();
    final List<Duration> delays = new ArrayList<>();
    private Duration now = Duration.ZERO;

    @Override
    public synchronized void after(Duration delay, Runnable task) {
        delays.add(delay);
        tasks.add(new Task(task, now.plus(delay), null));
    }

    @Override
    public synchronized Runnable every(Duration period, Runnable task) {
        Task scheduled = new Task(task, now.plus(period), period);
        tasks.add(scheduled);
        return () -> scheduled.cancelled = true;
    }

    /** Moves time on by {@code step}, running every task that falls due on the way, in order. */
    void advance(Duration step) {
        Duration end = now.plus(step);
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.stream().filter(task -> !task.cancelled && task.due.compareTo(end) <= 0)
                        .min(Comparator.comparing(task -> task.due)).orElse(null);
                if (next == null) {
                    now = end;
                    return;
                }
                now = next.due;
                if (next.period == null) {
                    tasks.remove(next);
                } else {
                    next.due = next.due.plus(next.period);
                }
            }
            next.work.run();
        }
    }
}
