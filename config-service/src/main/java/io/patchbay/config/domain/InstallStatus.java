package io.patchbay.config.domain;

/** The partner-reported installation status. */
public enum InstallStatus {
    READY,
    PENDING,
    ONBOARDING,
    SUSPENDED,
    RESUMED,
    UNINSTALLED,
    ERROR;
}
