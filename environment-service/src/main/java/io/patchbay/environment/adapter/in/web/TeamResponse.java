package io.patchbay.environment.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TeamResponse(String id, String name, String domain, String logo, @JsonProperty("is_verified") boolean isVerified,
                    @JsonProperty("is_white_label") boolean isWhiteLabel, @JsonProperty("tos_link") String tosLink,
                    @JsonProperty("allow_impersonation") boolean allowImpersonation, @JsonProperty("created_at") String createdAt,
                    @JsonProperty("updated_at") String updatedAt) {
}
