package io.patchbay.catalog.domain;

/** A discovered resource of an integration; {@code Deleted} once it is gone from the source. */
public record Resource(String id, String integrationId, String name, String type, ResourceStatus status, String message) {
    public static final String ID_PREFIX = "res_";
}
