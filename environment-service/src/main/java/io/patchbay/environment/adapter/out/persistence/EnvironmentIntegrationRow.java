package io.patchbay.environment.adapter.out.persistence;

import io.patchbay.kernel.infra.jdbc.VersionedRow;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.annotation.Version;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code environment_integration} (an install): {@code override} is JSON text as written. */
@MappedEntity("environment_integration")
record EnvironmentIntegrationRow(@Id UUID id, UUID integrationId, UUID environmentId, boolean showInCatalog,
                                 @MappedProperty("is_enabled") boolean enabled, @TypeDef(type = DataType.JSON) String override,
                                 @Nullable String configurationId, boolean approved, boolean configurationDisabled,
                                 @Nullable String disabledReason, @MappedProperty("remembered_is_enabled") boolean rememberedEnabled,
                                 @Version long version, Instant createdAt, Instant updatedAt, String createdBy, String updatedBy)
        implements VersionedRow {
}
