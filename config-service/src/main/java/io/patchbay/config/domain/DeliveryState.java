package io.patchbay.config.domain;

/** Where a webhook delivery stands. */
public enum DeliveryState {
    PENDING,
    DELIVERED,
    FAILED;
}
