package io.patchbay.kernel.infra;

import java.time.Duration;

/**
 * How the kernel's background loops (outbox relay, lifecycle consumer, topic provisioner) retry: pauses doubled after
 * each failure up to a maximum, a pause that keeps the thread's interrupt flag for the loop to see, and a one-line
 * description of a failure for the log.
 */
public final class Retries {
    private Retries() {
    }

    /** The pause after {@code current}: twice as long, at most {@code max}. */
    public static Duration next(Duration current, Duration max) {
        Duration doubled = current.multipliedBy(2);
        return doubled.compareTo(max) > 0 ? max : doubled;
    }

    /** Sleeps {@code pause}; an interrupt ends it early and stays set. */
    public static void pause(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The innermost cause as {@code Type: message}. */
    public static String rootMessage(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
