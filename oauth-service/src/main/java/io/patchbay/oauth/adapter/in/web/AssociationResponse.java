package io.patchbay.oauth.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** Posit's association object. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AssociationResponse(String contentGuid, String oauthIntegrationGuid, String oauthIntegrationName, String oauthIntegrationDescription,
                                  String oauthIntegrationTemplate, String oauthIntegrationAuthType, String createdTime) {
}
