package io.patchbay.oauth.adapter.out.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.annotation.Version;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One row of oauth_integration: non-secret settings only ({@code config}, jsonb); the secrets live in {@link SecretRow}. */
@MappedEntity("oauth_integration")
record IntegrationRow(@Id @GeneratedValue @Nullable Long id,
                      UUID guid,
                      String teamId,
                      @Nullable String name,
                      @Nullable String description,
                      String template,
                      String authType,
                      @TypeDef(type = DataType.JSON) Map<String, String> config,
                      @Nullable String configurationId,
                      String state,
                      @Nullable String disabledReason,
                      @Version long version,
                      Instant createdTime,
                      Instant updatedTime,
                      String createdBy,
                      String updatedBy) {
}
