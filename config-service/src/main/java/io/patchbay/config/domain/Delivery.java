package io.patchbay.config.domain;

import java.util.Objects;

/**
 * One event on its way to one target: the body is fixed when the change is made (the configuration as it was then), and
 * the same delivery id is sent on every attempt so receivers can drop repeats. A 2xx answer delivers it; anything else is
 * retried with exponential backoff ({@link RetryPolicy}: from 10 s, for 24 h after it was (re)queued), then it has
 * {@link DeliveryState#FAILED failed}. {@code version} fences attempts: a delivery whose lease ran out and was taken by
 * another attempt cannot be marked by the first.
 */
public final class Delivery {
    public static final String ID_PREFIX = "dlv_";
    public static final String EVENT_ID_PREFIX = "evt_";
    /** Error text kept for the log, at most this long. */
    static final int MAX_ERROR = 300;

    private final Long seq;
    private final String id;
    private final String eventId;
    private final DeliveryTarget targetKind;
    private final String targetId;
    private final String configurationId;
    private final WebhookEvent type;
    private final String body;
    private DeliveryState state;
    private int attempts;
    private Integer lastStatus;
    private Long lastDurationMs;
    private String lastError;
    private long nextAttemptAt;
    private long retryUntil;
    private Long leaseUntil;
    private final long createdAt;
    private Long deliveredAt;
    private long version;

    public Delivery(Long seq, String id, String eventId, DeliveryTarget targetKind, String targetId, String configurationId, WebhookEvent type,
                    String body, DeliveryState state, int attempts, Integer lastStatus, Long lastDurationMs, String lastError, long nextAttemptAt,
                    long retryUntil, Long leaseUntil, long createdAt, Long deliveredAt, long version) {
        this.seq = seq;
        this.id = Objects.requireNonNull(id);
        this.eventId = Objects.requireNonNull(eventId);
        this.targetKind = Objects.requireNonNull(targetKind);
        this.targetId = Objects.requireNonNull(targetId);
        this.configurationId = Objects.requireNonNull(configurationId);
        this.type = Objects.requireNonNull(type);
        this.body = Objects.requireNonNull(body);
        this.state = Objects.requireNonNull(state);
        this.attempts = attempts;
        this.lastStatus = lastStatus;
        this.lastDurationMs = lastDurationMs;
        this.lastError = lastError;
        this.nextAttemptAt = nextAttemptAt;
        this.retryUntil = retryUntil;
        this.leaseUntil = leaseUntil;
        this.createdAt = createdAt;
        this.deliveredAt = deliveredAt;
        this.version = version;
    }

    /** A new delivery, due now. */
    public static Delivery queue(String id, String eventId, DeliveryTarget kind, String targetId, String configurationId, WebhookEvent type,
                                 String body, long now, RetryPolicy policy) {
        return new Delivery(null, id, eventId, kind, targetId, configurationId, type, body, DeliveryState.PENDING, 0, null, null, null, now,
                now + policy.window().toMillis(), null, now, null, 1);
    }

    /** Taken by an attempt that holds it until {@code leaseUntil}. */
    public void claim(long now, long leaseUntil) {
        requirePending();
        this.attempts++;
        this.leaseUntil = leaseUntil;
        this.version++;
    }

    /** The receiver answered 2xx. */
    public void delivered(int status, long durationMs, long now) {
        this.state = DeliveryState.DELIVERED;
        this.lastStatus = status;
        this.lastDurationMs = durationMs;
        this.lastError = null;
        this.deliveredAt = now;
        this.leaseUntil = null;
        this.version++;
    }

    /**
     * The attempt failed: a non-2xx status (or null when there was no answer) and what went wrong. Scheduled again after
     * 10 s, 20 s, 40 s … (the policy's) while that is within the retry window, else failed for good.
     */
    public void attemptFailed(Integer status, String error, long durationMs, long now, RetryPolicy policy) {
        this.lastStatus = status;
        this.lastDurationMs = durationMs;
        this.lastError = error == null ? null : error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        this.leaseUntil = null;
        long next = now + policy.backoff(attempts).toMillis();
        if (next > retryUntil) {
            this.state = DeliveryState.FAILED;
        } else {
            this.nextAttemptAt = next;
        }
        this.version++;
    }

    /** Send it again now, whatever happened before, with a fresh retry window. */
    public void redeliver(long now, RetryPolicy policy) {
        this.state = DeliveryState.PENDING;
        this.nextAttemptAt = now;
        this.retryUntil = now + policy.window().toMillis();
        this.leaseUntil = null;
        this.version++;
    }

    private void requirePending() {
        if (state != DeliveryState.PENDING) {
            throw new IllegalStateException("delivery " + id + " is " + state);
        }
    }

    public Long seq() { return seq; }
    public String id() { return id; }
    public String eventId() { return eventId; }
    public DeliveryTarget targetKind() { return targetKind; }
    public String targetId() { return targetId; }
    public String configurationId() { return configurationId; }
    public WebhookEvent type() { return type; }
    public String body() { return body; }
    public DeliveryState state() { return state; }
    public int attempts() { return attempts; }
    public Integer lastStatus() { return lastStatus; }
    public Long lastDurationMs() { return lastDurationMs; }
    public String lastError() { return lastError; }
    public long nextAttemptAt() { return nextAttemptAt; }
    public long retryUntil() { return retryUntil; }
    public Long leaseUntil() { return leaseUntil; }
    public long createdAt() { return createdAt; }
    public Long deliveredAt() { return deliveredAt; }
    public long version() { return version; }
}
