package io.patchbay.catalog.domain;

import java.util.List;

/** A resource type a connector discovers, with the permissions that can be granted on it. */
public record ResourceTypeSpec(String id, String name, List<String> permissions) {
    public ResourceTypeSpec {
        permissions = List.copyOf(permissions);
    }
}
