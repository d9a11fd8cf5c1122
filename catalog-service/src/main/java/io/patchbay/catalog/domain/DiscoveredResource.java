package io.patchbay.catalog.domain;

/** What a connector found: {@code key} is unique within the integration (type + path). */
public record DiscoveredResource(String key, String name, String type) {
}
