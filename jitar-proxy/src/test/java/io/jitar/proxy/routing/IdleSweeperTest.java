package io.jitar.proxy.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class IdleSweeperTest {

    private final AtomicLong clock = new AtomicLong(1_000);
    private final IdleSweeper sweeper = new IdleSweeper(Duration.ofNanos(100), clock::get);

    /** An exchange whose progress the test sets, counting how often it was ended. */
    private final class Exchange implements IdleSweeper.Watched {

        final AtomicLong progress = new AtomicLong(clock.get());
        final AtomicInteger ended = new AtomicInteger();

        @Override
        public long lastProgress() {
            return progress.get();
        }

        @Override
        public void idle() {
            ended.incrementAndGet();
        }
    }

    @Test
    void endsExchangesIdleForLongerThanTheTimeoutOnce() {
        Exchange idle = new Exchange();
        sweeper.watch(idle);
        clock.addAndGet(101);

        assertThat(sweeper.sweep()).isEqualTo(1);
        assertThat(sweeper.sweep()).isZero();
        assertThat(idle.ended).hasValue(1);
        assertThat(sweeper.size()).isZero();
    }

    @Test
    void keepsExchangesThatMadeProgress() {
        Exchange busy = new Exchange();
        sweeper.watch(busy);
        clock.addAndGet(100);
        busy.progress.set(clock.get());
        clock.addAndGet(100);

        assertThat(sweeper.sweep()).isZero();
        assertThat(busy.ended).hasValue(0);
    }

    @Test
    void unwatchedExchangesAreNeverEnded() {
        Exchange done = new Exchange();
        sweeper.watch(done);
        sweeper.unwatch(done);
        clock.addAndGet(1_000);

        assertThat(sweeper.sweep()).isZero();
        assertThat(done.ended).hasValue(0);
    }

    @Test
    void anExchangeThatFailsToEndDoesNotStopTheSweep() {
        IdleSweeper.Watched failing = new IdleSweeper.Watched() {
            @Override
            public long lastProgress() {
                return 0;
            }

            @Override
            public void idle() {
                throw new IllegalStateException("already completed");
            }
        };
        Exchange other = new Exchange();
        sweeper.watch(failing);
        sweeper.watch(other);
        clock.addAndGet(1_000);

        assertThat(sweeper.sweep()).isEqualTo(2);
        assertThat(other.ended).hasValue(1);
    }

    @Test
    void sweepsFourTimesPerTimeoutWithinBounds() {
        assertThat(IdleSweeper.interval(Duration.ofSeconds(2))).isEqualTo(Duration.ofMillis(500));
        assertThat(IdleSweeper.interval(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(1));
        assertThat(IdleSweeper.interval(Duration.ofMillis(200))).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void timeoutMustBePositive() {
        assertThatThrownBy(() -> new IdleSweeper(Duration.ZERO, System::nanoTime))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("timeout must be > 0, got PT0S");
    }

    @Test
    void nowIsTheClocksTime() {
        assertThat(sweeper.now()).isEqualTo(1_000);
    }
}
