package io.patchbay.config.application;

import java.time.Duration;

/**
 * Webhook settings: {@code allowPrivate} lets URLs on loopback and private addresses, and plain http, through (local
 * receivers; {@code ./patchbay up} sets it); {@code lease} is how long one attempt holds the deliveries it claimed.
 */
public record WebhookSettings(boolean allowPrivate, Duration lease) {
}
