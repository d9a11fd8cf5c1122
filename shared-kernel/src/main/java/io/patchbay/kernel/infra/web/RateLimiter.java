package io.patchbay.kernel.infra.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fixed-window request counting per caller, in this instance's memory: each caller's window starts with its first
 * request and lasts {@code window}; within it the first {@code limit} requests pass and the rest are refused until it
 * ends. Callers do not share anything, so one caller over its limit slows no one else. Ended windows are dropped as new
 * requests come in, so memory follows the number of recent callers.
 */
public final class RateLimiter {
    /** The outcome of one request: whether it may pass, and what the {@code X-RateLimit-*} headers tell the caller. */
    public record Decision(boolean allowed, long limit, long remaining, long resetEpochSeconds, long retryAfterSeconds) {
    }

    private record Window(long endsAtMillis, long count) {
    }

    private static final int PRUNE_EVERY = 1024;

    private final long limit;
    private final long windowMillis;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();

    public RateLimiter(long limit, Duration window, Clock clock) {
        if (limit < 1) {
            throw new IllegalArgumentException("the rate limit must be at least 1 request, was " + limit);
        }
        if (window.toMillis() < 1) {
            throw new IllegalArgumentException("the rate limit window must be at least 1 ms, was " + window);
        }
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.clock = clock;
    }

    /** Counts one request of {@code caller}. */
    public Decision take(String caller) {
        long now = clock.millis();
        if (calls.incrementAndGet() % PRUNE_EVERY == 0) {
            windows.values().removeIf(w -> w.endsAtMillis() <= now);
        }
        Window window = windows.compute(caller, (key, old) -> old == null || old.endsAtMillis() <= now
                ? new Window(now + windowMillis, 1) : new Window(old.endsAtMillis(), old.count() + 1));
        boolean allowed = window.count() <= limit;
        long untilReset = window.endsAtMillis() - now;
        return new Decision(allowed, limit, Math.max(0, limit - window.count()), ceilSeconds(window.endsAtMillis()),
                Math.max(1, ceilSeconds(untilReset)));
    }

    int trackedCallers() {
        return windows.size();
    }

    private static long ceilSeconds(long millis) {
        return Math.floorDiv(millis + 999, 1000);
    }
}
