package io.patchbay.config.domain;

/** Who a delivery goes to: a registered webhook ({@code hook_…}), or an app's {@code webhookUrl} ({@code oac_…}). */
public enum DeliveryTarget {
    WEBHOOK,
    APP;
}
