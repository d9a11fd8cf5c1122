package io.patchbay.catalog.domain;

/** A permission that can be granted on a resource type of an integration. */
public record Permission(String id, String name, String resourceType) {
}
