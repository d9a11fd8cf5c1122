package io.patchbay.config.domain;

/** The level of a partner notification. */
public enum NotificationLevel implements WireEnum {
    INFO("info"),
    WARN("warn"),
    ERROR("error");

    private final String wire;

    NotificationLevel(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
