package io.patchbay.environment.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record IntegrationResponse(String id, String name, String category, @JsonProperty("is_beta") boolean isBeta, JsonNode config,
                           @JsonProperty("team_id") String teamId, String sharing, @JsonProperty("created_at") String createdAt,
                           @JsonProperty("updated_at") String updatedAt,
                           @JsonProperty("installed_environment") List<String> installedEnvironment, TeamResponse team) {
}
