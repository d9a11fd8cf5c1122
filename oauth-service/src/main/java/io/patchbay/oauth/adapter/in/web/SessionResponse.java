package io.patchbay.oauth.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** A user's OAuth session (no token, ever). {@code user_guid} carries the user's id (the token's {@code sub}). */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SessionResponse(String id, String guid, String userGuid, String oauthIntegrationGuid, boolean hasRefreshToken, String createdTime,
                              String updatedTime) {
}
