package io.patchbay.config.domain;

/** How a configuration was installed. */
public enum InstallationType {
    MARKETPLACE,
    EXTERNAL;
}
