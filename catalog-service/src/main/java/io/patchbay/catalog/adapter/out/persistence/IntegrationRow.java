package io.patchbay.catalog.adapter.out.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A row of {@code integration}. Not optimistically locked: writers serialize on the row lock ({@code findByIdForUpdate}),
 * and Apono's API has no version for a 409. The JSONB columns hold the config, the secret store's fields (apono values
 * sealed), the owner and the owners mapping (snake_case keys).
 */
@MappedEntity("integration")
record IntegrationRow(@Id String id, String teamId, String name, String type, String category, String connectorId, String status,
                      @Nullable String statusBeforeDisable, @Nullable String details, @Nullable Instant lastSyncTime,
                      @TypeDef(type = DataType.JSON) Map<String, String> integrationConfig, @Nullable String secretStoreKind,
                      @Nullable @TypeDef(type = DataType.JSON) Map<String, String> secretStore,
                      @Nullable @TypeDef(type = DataType.STRING_ARRAY) List<String> connectedResourceTypes,
                      @Nullable String customAccessDetails, @Nullable @TypeDef(type = DataType.JSON) OwnerJson owner,
                      @Nullable @TypeDef(type = DataType.JSON) OwnerMappingJson ownersMapping, @Nullable String configurationId,
                      long revision, Instant createdAt, Instant updatedAt, String createdBy, String updatedBy) {

    @Serdeable(naming = SnakeCaseStrategy.class)
    record OwnerJson(@Nullable String attributeType, @Nullable List<String> attributeValue, @Nullable String sourceIntegrationId,
                     @Nullable String sourceIntegrationName) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record OwnerMappingJson(@Nullable String keyName, @Nullable String attributeType, @Nullable String sourceIntegrationId,
                            @Nullable String sourceIntegrationName) {
    }
}
