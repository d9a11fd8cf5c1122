package io.patchbay.environment.domain;

/** The lifecycle of an environment integration (our addition to the Truto resource). */
public enum Lifecycle {
    ACTIVE, DISABLED, PENDING_APPROVAL
}
