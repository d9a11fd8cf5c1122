package io.patchbay.config.domain;

/** Where a webhook delivery stands. */
public enum DeliveryState implements WireEnum {
    PENDING("pending"),
    DELIVERED("delivered"),
    FAILED("failed");

    private final String wire;

    DeliveryState(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
