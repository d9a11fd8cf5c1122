package io.patchbay.config.domain;

/** How a configuration was installed. */
public enum InstallationType implements WireEnum {
    MARKETPLACE("marketplace"),
    EXTERNAL("external");

    private final String wire;

    InstallationType(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
