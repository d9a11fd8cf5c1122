package io.patchbay.oauth.domain;

import java.time.Instant;
import java.util.UUID;

/** Content associated with an integration (Posit's association object, with the integration's summary). */
public record Association(UUID contentGuid, UUID integrationGuid, String integrationName, String integrationDescription,
                          String integrationTemplate, AuthType integrationAuthType, Instant createdTime) {
}
