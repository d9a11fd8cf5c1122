package io.patchbay.catalog.domain;

/** A permission that can be granted on a resource type of an integration. */
public record Permission(String id, String name, String resourceType) {
    /** The permission {@code privilege} on {@code resourceType}; its id is {@code <resource type>.<PRIVILEGE>}. */
    public static Permission of(String resourceType, String privilege) {
        return new Permission(resourceType + "." + privilege, privilege, resourceType);
    }
}
