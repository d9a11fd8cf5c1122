package io.patchbay.catalog.domain;

import java.util.List;
import java.util.Map;

/**
 * The writable fields of an integration as a client sent them (v4 or v2), already type-checked but not yet checked
 * against the catalog. {@code secretStore} apono values are plaintext here, or {@link SecretStore#MASK} for "keep".
 */
public record IntegrationSpec(String name, String type, String connectorId, Map<String, String> config, SecretStore secretStore,
                              List<String> connectedResourceTypes, String customAccessDetails, Owner owner,
                              OwnerMapping ownersMapping, boolean configurationIdGiven, String configurationId) {
    public IntegrationSpec {
        config = Map.copyOf(config);
        connectedResourceTypes = connectedResourceTypes == null ? null : List.copyOf(connectedResourceTypes);
    }
}
