package io.patchbay.catalog.domain;

/** A discovered resource's state (Apono's ResourceStatusV1). */
public enum ResourceStatus {
    ACTIVE, ERROR, DELETED
}
