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

/**
 * A row of {@code app}; {@code version} (V2) is its optimistic lock, {@code requiredPlanRank} the plan's order for the triggers,
 * {@code clientSecret} (V3) sealed with the SecretBox.
 */
@MappedEntity("app")
record AppRow(@Id String id, String slug, String name, @Nullable String icon, @TypeDef(type = DataType.STRING_ARRAY) List<String> scopes,
              boolean marketplace, @Nullable String partnerTeamId, String requiredPlan, short requiredPlanRank, boolean available,
              boolean legacy, Instant createdAt, Instant updatedAt, String createdBy, String updatedBy, @Version long version,
              @Nullable String webhookUrl, @Nullable String clientSecret)
        implements VersionedRow {
}
