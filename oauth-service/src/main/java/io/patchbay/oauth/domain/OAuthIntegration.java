package io.patchbay.oauth.domain;

import io.patchbay.kernel.error.DomainException;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * An OAuth client registration with an identity provider, owned by a team. {@code config} holds only non-secret settings;
 * {@code secretNames} says which secret fields are stored (sealed elsewhere, never returned). {@code id} is null until stored.
 */
public record OAuthIntegration(Long id, UUID guid, String teamId, String name, String description, String template, AuthType authType,
                               Map<String, String> config, Set<String> secretNames, String configurationId, IntegrationState state,
                               String disabledReason, long version, Instant createdTime, Instant updatedTime, String createdBy,
                               String updatedBy) {
    public OAuthIntegration {
        Objects.requireNonNull(guid, "guid");
        Objects.requireNonNull(teamId, "teamId");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(authType, "authType");
        Objects.requireNonNull(state, "state");
        config = Map.copyOf(config);
        secretNames = Set.copyOf(secretNames);
    }

    /**
     * The rule every use of the integration checks first (verify, credential exchange, login):
     * a disabled integration refuses with 409.
     */
    public void requireUsable() {
        if (state == IntegrationState.DISABLED) {
            throw new DomainException.Conflict("OAuth integration " + guid + " is disabled" + (disabledReason == null ? "" : " (" + disabledReason + ")")
                    + " because its configuration " + configurationId + " is disabled; it cannot be used until the configuration is enabled");
        }
    }

    public boolean isServiceAccount() {
        return authType == AuthType.SERVICE_ACCOUNT;
    }

    public OAuthIntegration withId(long newId) {
        return new OAuthIntegration(newId, guid, teamId, name, description, template, authType, config, secretNames, configurationId, state,
                disabledReason, version, createdTime, updatedTime, createdBy, updatedBy);
    }

    /** A change by a user: name, description and the validated config; bumps the version. */
    public OAuthIntegration changed(String newName, String newDescription, ValidatedConfig validated, Set<String> newSecretNames, Instant now,
                                    String by) {
        return new OAuthIntegration(id, guid, teamId, newName, newDescription, template, validated.authType(), validated.config(), newSecretNames,
                configurationId, state, disabledReason, version + 1, createdTime, now, createdBy, by);
    }

    /** The linked configuration was disabled: {@code disabled} with the reason; the version moves on even when it already was. */
    public OAuthIntegration configurationDisabled(String reason, Instant now, String by) {
        return new OAuthIntegration(id, guid, teamId, name, description, template, authType, config, secretNames, configurationId,
                IntegrationState.DISABLED, reason, version + 1, createdTime, now, createdBy, by);
    }

    /** The linked configuration was enabled or transferred: {@code active} again; this same integration when it already was. */
    public OAuthIntegration configurationActivated(Instant now, String by) {
        if (state == IntegrationState.ACTIVE) {
            return this;
        }
        return new OAuthIntegration(id, guid, teamId, name, description, template, authType, config, secretNames, configurationId,
                IntegrationState.ACTIVE, null, version + 1, createdTime, now, createdBy, by);
    }
}
