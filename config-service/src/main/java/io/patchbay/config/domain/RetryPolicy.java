package io.patchbay.config.domain;

import java.time.Duration;

/**
 * When a failed delivery is tried again: after {@code firstRetry}, then twice as long each time, as long as the next
 * attempt falls within {@code window} of when the delivery was (re)queued. Vercel-like default: 10 s, for 24 h.
 */
public record RetryPolicy(Duration firstRetry, Duration window) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofSeconds(10), Duration.ofHours(24));

    public RetryPolicy {
        if (firstRetry.isNegative() || firstRetry.isZero() || window.compareTo(firstRetry) < 0) {
            throw new IllegalArgumentException("retry policy needs 0 < firstRetry <= window");
        }
    }

    /** The wait after the {@code attempts}-th failed attempt: first, 2 × first, 4 × first, … (capped at the window). */
    public Duration backoff(int attempts) {
        int doublings = Math.max(0, Math.min(attempts - 1, 30));
        Duration d = firstRetry.multipliedBy(1L << doublings);
        return d.compareTo(window) > 0 ? window : d;
    }
}
