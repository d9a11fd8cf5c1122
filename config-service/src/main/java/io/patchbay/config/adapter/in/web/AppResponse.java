package io.patchbay.config.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppResponse(String id, String slug, String name, String icon, @JsonInclude(JsonInclude.Include.ALWAYS) List<String> scopes,
                          boolean marketplace, String partnerTeamId, String requiredPlan, boolean available, boolean isLegacy,
                          long createdAt, long updatedAt, String webhookUrl, String clientSecret) {
}
