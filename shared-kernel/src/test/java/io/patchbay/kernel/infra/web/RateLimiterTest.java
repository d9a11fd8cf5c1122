package io.patchbay.kernel.infra.web;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimiterTest {
    private Instant now = Instant.parse("2026-01-01T00:00:00.250Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void eachCallerHasItsOwnWindowAndIsRefusedPastItsLimitUntilTheWindowEnds() {
        RateLimiter limiter = new RateLimiter(3, Duration.ofSeconds(60), clock);
        long reset = now.plusSeconds(60).getEpochSecond() + 1;
        assertThat(limiter.take("a")).isEqualTo(new RateLimiter.Decision(true, 3, 2, reset, 60));
        assertThat(limiter.take("a").remaining()).isEqualTo(1);
        now = now.plusSeconds(20);
        assertThat(limiter.take("a")).isEqualTo(new RateLimiter.Decision(true, 3, 0, reset, 40));
        assertThat(limiter.take("a")).isEqualTo(new RateLimiter.Decision(false, 3, 0, reset, 40));
        assertThat(limiter.take("b")).as("another caller is not slowed").isEqualTo(new RateLimiter.Decision(true, 3, 2,
                now.plusSeconds(60).getEpochSecond() + 1, 60));
        now = now.plusSeconds(40);
        assertThat(limiter.take("a").allowed()).as("a new window").isTrue();
        assertThat(limiter.take("a").remaining()).isEqualTo(1);
    }

    @Test
    void endedWindowsAreDropped() {
        RateLimiter limiter = new RateLimiter(10, Duration.ofSeconds(1), clock);
        for (int i = 0; i < 1000; i++) {
            limiter.take("caller-" + i);
        }
        now = now.plusSeconds(2);
        for (int i = 0; i < 100; i++) {
            limiter.take("late-" + i);
        }
        assertThat(limiter.trackedCallers()).isLessThan(1000);
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThatThrownBy(() -> new RateLimiter(0, Duration.ofMinutes(1), clock)).hasMessageContaining("at least 1 request");
        assertThatThrownBy(() -> new RateLimiter(1, Duration.ZERO, clock)).hasMessageContaining("at least 1 ms");
    }
}
