package io.patchbay.oauth.adapter.out.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.util.UUID;

/**
 * The two columns of oauth_integration a session shows (its integration's guid and team), read through the session finders'
 * join; a separate mapping so a session read never carries the integration's config. Read-only: integrations are written
 * through {@link IntegrationRow}.
 */
@MappedEntity("oauth_integration")
record SessionIntegrationRow(@Id Long id, @Nullable UUID guid, @Nullable String teamId) {
}
