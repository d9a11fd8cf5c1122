package io.patchbay.kernel.infra.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code audit_event} (db/kernel/audit): {@code changes} is JSON text as written. */
@MappedEntity("audit_event")
public record AuditEventRow(@Id UUID id, Instant occurredAt, String service, String action, String resourceType, String resourceId,
                            @Nullable String teamId, String actorType, String actorId, @Nullable String actorTeamId,
                            @Nullable UUID causeEventId, @Nullable String causeEventType, @Nullable String causeTrigger,
                            @Nullable String requestId, @TypeDef(type = DataType.JSON) String changes) {
}
