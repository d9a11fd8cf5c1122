package io.patchbay.catalog.adapter.in.web;

import java.util.List;
import java.util.Map;

/** The fields v4's create and full replace share ({@code CreateIntegrationV4} / {@code UpdateIntegrationV4}). */
interface IntegrationV4Body {
    String name();

    String type();

    String connectorId();

    Map<String, String> integrationConfig();

    SecretStoreConfigRequest secretStoreConfig();

    List<String> connectedResourceTypes();

    String customAccessDetails();

    OwnerRequest owner();

    OwnersMappingRequest ownersMapping();

    String configurationId();
}
