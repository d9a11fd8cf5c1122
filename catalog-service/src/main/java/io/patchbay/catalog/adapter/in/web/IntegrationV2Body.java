package io.patchbay.catalog.adapter.in.web;

import java.util.List;
import java.util.Map;

/** The fields v2's create and full replace share ({@code CreateIntegration} / {@code UpdateIntegration}). */
interface IntegrationV2Body {
    String name();

    String type();

    String provisionerId();

    Map<String, String> metadata();

    SecretConfigV2Request secretConfig();

    List<String> connectedResourceTypes();

    String customAccessDetails();

    String configurationId();
}
