package io.patchbay.oauth.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** The outcome of a verify: {@code verified}, the provider's HTTP status and error (secrets stripped) or the token's metadata — never the token. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record VerifyResponse(boolean verified, Integer providerStatus, String error, String errorDescription, String tokenType, Long expiresIn,
                             String scope) {
}
