package io.patchbay.oauth.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** RFC 8693 section 2.2.1 answer. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CredentialsResponse(String accessToken, String issuedTokenType, String tokenType, Long expiresIn) {
    @Override
    public String toString() {
        return "CredentialsResponse[" + tokenType + ", " + expiresIn + "]";
    }
}
