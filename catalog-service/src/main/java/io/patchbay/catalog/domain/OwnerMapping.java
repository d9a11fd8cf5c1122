package io.patchbay.catalog.domain;

/** Resource-tag based owners (Apono OwnerMappingV4). */
public record OwnerMapping(String keyName, String attributeType, String sourceIntegrationId, String sourceIntegrationName) {
}
