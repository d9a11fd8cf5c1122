package io.patchbay.config.application;

import io.patchbay.config.domain.RetryPolicy;

import java.time.Duration;

/**
 * Webhook settings: {@code allowPrivate} lets URLs on loopback and private addresses, and plain http, through (local
 * receivers; {@code ./patchbay up} sets it); {@code lease} is how long one attempt holds the deliveries it claimed;
 * {@code retry} when failed deliveries are tried again.
 */
public record WebhookSettings(boolean allowPrivate, Duration lease, RetryPolicy retry) {
    public WebhookSettings(boolean allowPrivate, Duration lease) {
        this(allowPrivate, lease, RetryPolicy.DEFAULT);
    }
}
