package io.patchbay.catalog.domain;

import java.util.List;
import java.util.Optional;

/** An integration type of the catalog (shipped as data, see resources/catalog). */
public record CatalogType(String type, String name, String description, String category, List<CatalogParam> params,
                          boolean requiresSecret, List<String> supportedSecretTypes, List<String> secretParams,
                          List<ResourceTypeSpec> resourceTypes) {
    public CatalogType {
        params = List.copyOf(params);
        supportedSecretTypes = List.copyOf(supportedSecretTypes);
        secretParams = List.copyOf(secretParams);
        resourceTypes = List.copyOf(resourceTypes);
    }

    public Optional<CatalogParam> param(String id) {
        return params.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public Optional<ResourceTypeSpec> resourceType(String id) {
        return resourceTypes.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    public List<String> resourceTypeIds() {
        return resourceTypes.stream().map(ResourceTypeSpec::id).toList();
    }
}
