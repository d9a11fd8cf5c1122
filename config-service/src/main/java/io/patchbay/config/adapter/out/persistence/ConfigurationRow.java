package io.patchbay.config.adapter.out.persistence;

import io.patchbay.kernel.infra.jdbc.VersionedRow;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.annotation.Version;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.List;

/** A row of {@code configuration}; {@code version} is its optimistic lock. Enums are their wire values. */
@MappedEntity("configuration")
record ConfigurationRow(@Id String id, String integrationId, String slug, String ownerId, @Nullable String teamId, String userId,
                        @TypeDef(type = DataType.STRING_ARRAY) List<String> scopes, String projectSelection,
                        @Nullable @TypeDef(type = DataType.STRING_ARRAY) List<String> projects, String source, String installationType,
                        @Nullable String status, @Nullable String externalId, @Nullable String notificationLevel,
                        @Nullable String notificationTitle, @Nullable String notificationMessage, @Nullable String notificationHref,
                        Instant createdAt, Instant updatedAt, @Nullable Instant completedAt, @Nullable Instant disabledAt,
                        @Nullable String disabledReason, @Nullable Instant deleteRequestedAt, @Nullable Instant customerDeleteRequestedAt,
                        @Nullable Instant deletedAt, @Version long version, String createdBy, String updatedBy) implements VersionedRow {
}
