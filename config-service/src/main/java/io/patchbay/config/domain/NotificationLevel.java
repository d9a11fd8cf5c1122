package io.patchbay.config.domain;

/** The level of a partner notification. */
public enum NotificationLevel {
    INFO,
    WARN,
    ERROR;
}
