package io.patchbay.environment.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record EnvironmentResponse(String id, @JsonProperty("team_id") String teamId, String name, @JsonProperty("created_at") String createdAt,
                           @JsonProperty("updated_at") String updatedAt) {
}
