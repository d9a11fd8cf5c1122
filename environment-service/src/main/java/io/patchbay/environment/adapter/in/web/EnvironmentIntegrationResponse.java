package io.patchbay.environment.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;

@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record EnvironmentIntegrationResponse(String id, @JsonProperty("integration_id") String integrationId,
                                      @JsonProperty("environment_id") String environmentId,
                                      @JsonProperty("show_in_catalog") boolean showInCatalog,
                                      @JsonProperty("is_enabled") boolean isEnabled, @JsonProperty("created_at") String createdAt,
                                      @JsonProperty("updated_at") String updatedAt, IntegrationResponse integration, JsonNode override,
                                      @JsonProperty("configuration_id") String configurationId, String lifecycle,
                                      @JsonProperty("disabled_reason") String disabledReason) {
}
