package io.patchbay.kernel.infra.audit;

import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import io.patchbay.kernel.infra.json.JsonTrees;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reading the audit trail: one page of entries, newest first, as the wire shape of {@code GET /audit/events}. */
@Singleton
@Requires(beans = DataSource.class)
public class AuditLog {
    static final DateTimeFormatter RFC_3339_MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final AuditEventRepository repository;
    private final JsonMapper json;

    public AuditLog(AuditEventRepository repository, JsonMapper json) {
        this.repository = repository;
        this.json = json;
    }

    public record Position(Instant occurredAt, UUID id) {
    }

    /** Null filters are left out; {@code teamId} is the filter, already narrowed to what the caller may read. */
    public record Query(String resourceType, String resourceId, String actorId, String action, String teamId, Instant since,
                        Instant until, int limit, Optional<Position> after) {
        Query forTeam(String team) {
            return new Query(resourceType, resourceId, actorId, action, team, since, until, limit, after);
        }
    }

    public record Page(List<Entry> entries, Optional<Position> next) {
    }

    public record Entry(AuditEventRow row, Map<String, Object> changes) {
    }

    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRED, readOnly = true)
    public Page page(Query q) {
        List<AuditEventRow> rows = repository.page(q.resourceType(), q.resourceId(), q.actorId(), q.action(), q.teamId(), q.since(),
                q.until(), q.after().map(Position::occurredAt).orElse(null), q.after().map(Position::id).orElse(null), q.limit() + 1);
        List<Entry> entries = rows.stream().limit(q.limit()).map(r -> new Entry(r, changes(r.changes()))).toList();
        if (rows.size() <= q.limit()) {
            return new Page(entries, Optional.empty());
        }
        AuditEventRow last = entries.getLast().row();
        return new Page(entries, Optional.of(new Position(last.occurredAt(), last.id())));
    }

    /** The entry as operations.md shows it: snake_case, nulls kept. */
    static Map<String, Object> wire(Entry entry) {
        AuditEventRow r = entry.row();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", r.id().toString());
        out.put("occurred_at", RFC_3339_MILLIS.format(r.occurredAt()));
        out.put("service", r.service());
        out.put("action", r.action());
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("type", r.resourceType());
        resource.put("id", r.resourceId());
        out.put("resource", resource);
        out.put("team_id", r.teamId());
        Map<String, Object> actor = new LinkedHashMap<>();
        actor.put("type", r.actorType());
        actor.put("id", r.actorId());
        actor.put("team_id", r.actorTeamId());
        out.put("actor", actor);
        Map<String, Object> cause = null;
        if (r.causeEventId() != null || r.causeEventType() != null) {
            cause = new LinkedHashMap<>();
            cause.put("event_id", r.causeEventId() == null ? null : r.causeEventId().toString());
            cause.put("event_type", r.causeEventType());
        } else if (r.causeTrigger() != null) {
            cause = new LinkedHashMap<>();
            cause.put("trigger", r.causeTrigger());
        }
        out.put("cause", cause);
        out.put("request_id", r.requestId());
        out.put("changes", entry.changes());
        return out;
    }

    private Map<String, Object> changes(String text) {
        try {
            return JsonTrees.readObject(json, text);
        } catch (IOException e) {
            throw new IllegalStateException("a stored audit entry's changes are not a JSON object", e);
        }
    }
}
