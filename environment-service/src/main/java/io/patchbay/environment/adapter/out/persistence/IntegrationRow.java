package io.patchbay.environment.adapter.out.persistence;

import io.patchbay.kernel.infra.jdbc.VersionedRow;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.annotation.Version;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code integration}: {@code config} is the JSON text as written (key order and nulls kept), sharing its wire word. */
@MappedEntity("integration")
record IntegrationRow(@Id UUID id, String teamId, String name, String category, @MappedProperty("is_beta") boolean beta,
                      @TypeDef(type = DataType.JSON) String config, String sharing, @Version long version, Instant createdAt,
                      Instant updatedAt, String createdBy, String updatedBy) implements VersionedRow {
}
