package io.patchbay.catalog.domain;

import java.util.List;

/** Fallback approver (Apono OwnerV4); the source integration as given by the client, resolved when it names one of ours. */
public record Owner(String attributeType, List<String> attributeValue, String sourceIntegrationId, String sourceIntegrationName) {
    public Owner {
        attributeValue = List.copyOf(attributeValue);
    }
}
