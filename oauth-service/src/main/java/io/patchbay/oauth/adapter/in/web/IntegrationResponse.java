package io.patchbay.oauth.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.Map;

/** Posit's OAuth integration resource plus our additions (configuration_id, state, disabled_reason). Secret fields never appear. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record IntegrationResponse(String id, String guid, String createdTime, String updatedTime, String name, String description,
                                  String template, String authType, Map<String, String> config,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) Integer contentCount, String configurationId, String state,
                                  String disabledReason) {
}
