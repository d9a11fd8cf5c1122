package io.patchbay.config.adapter.out.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.List;

/** A row of {@code webhook}; {@code secret} is sealed (SecretBox), events are their wire values. */
@MappedEntity("webhook")
record WebhookRow(@Id String id, String ownerId, @Nullable String teamId, String url, @TypeDef(type = DataType.STRING_ARRAY) List<String> events,
                  @Nullable @TypeDef(type = DataType.STRING_ARRAY) List<String> projectIds, String secret, Instant createdAt,
                  Instant updatedAt, String createdBy) {
}
