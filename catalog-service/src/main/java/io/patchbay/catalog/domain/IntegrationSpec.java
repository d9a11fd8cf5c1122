package io.patchbay.catalog.domain;

import io.patchbay.kernel.id.ConfigurationId;

import java.util.List;
import java.util.Map;

/**
 * The writable fields of an integration as a client sent them (v4 or v2), already type-checked but not yet checked
 * against the catalog. {@code secretStore} apono values are plaintext here, or {@link SecretStore#MASK} for "keep".
 * {@code configurationIdGiven} says whether the client named the link at all (a replace that leaves it out keeps it;
 * a null {@code configurationId} given unlinks).
 */
public record IntegrationSpec(String name, String type, String connectorId, Map<String, String> config, SecretStore secretStore,
                              List<String> connectedResourceTypes, String customAccessDetails, Owner owner,
                              OwnerMapping ownersMapping, boolean configurationIdGiven, ConfigurationId configurationId) {
    public IntegrationSpec {
        config = Map.copyOf(config);
        connectedResourceTypes = connectedResourceTypes == null ? null : List.copyOf(connectedResourceTypes);
    }

    /** The linked configuration's id as integrations record it; null when none is named. */
    public String configurationIdValue() {
        return configurationId == null ? null : configurationId.value();
    }
}
