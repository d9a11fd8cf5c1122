package io.patchbay.config.domain;

/** The partner-reported installation status. */
public enum InstallStatus implements WireEnum {
    READY("ready"),
    PENDING("pending"),
    ONBOARDING("onboarding"),
    SUSPENDED("suspended"),
    RESUMED("resumed"),
    UNINSTALLED("uninstalled"),
    ERROR("error");

    private final String wire;

    InstallStatus(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
