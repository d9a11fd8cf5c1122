package io.patchbay.config.domain;

/** Who a delivery goes to: a registered webhook ({@code hook_…}), or an app's {@code webhookUrl} ({@code oac_…}). */
public enum DeliveryTarget implements WireEnum {
    WEBHOOK("webhook"),
    APP("app");

    private final String wire;

    DeliveryTarget(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
