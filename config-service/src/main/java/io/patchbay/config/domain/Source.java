package io.patchbay.config.domain;

/** Where a configuration was installed from. */
public enum Source implements WireEnum {
    MARKETPLACE("marketplace"),
    DEPLOY_BUTTON("deploy-button"),
    EXTERNAL("external"),
    V0("v0"),
    CLI("cli"),
    OAUTH("oauth"),
    BACKOFFICE("backoffice");

    private final String wire;

    Source(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
