package io.patchbay.kernel.infra.audit;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.auth.TeamRole;
import io.patchbay.kernel.error.Problems;
import io.patchbay.kernel.infra.json.JsonTrees;
import io.patchbay.kernel.paging.CursorCodec;
import io.swagger.v3.oas.annotations.Parameter;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code GET /audit/events}, the same in every service (operations.md "Audit trail"): newest first, optional filters,
 * an opaque signed cursor. Platform admins read every entry; a team's OWNER reads the entries of that team — the team
 * is {@code team_id}, else {@code X-Team-Id}, else the caller's only team — and everyone else gets 403.
 */
@Controller("/audit/events")
@Requires(beans = DataSource.class)
public class AuditController {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    private static final int MAX_TEXT = 256;
    private static final String CURSOR_KIND = "audit";

    private final AuditLog log;
    private final CursorCodec cursors;

    public AuditController(AuditLog log, CursorCodec cursors) {
        this.log = log;
        this.cursors = cursors;
    }

    /**
     * The audit entries the caller may read, newest first. Every parameter is optional; {@code since}/{@code until} are
     * RFC 3339 and inclusive, {@code limit} 1–1000 (100), {@code cursor} the {@code next_cursor} of the previous page.
     */
    @Get(produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public JsonNode list(@Parameter(hidden = true) Caller caller, @Nullable @QueryValue("resource_type") String resourceType,
                         @Nullable @QueryValue("resource_id") String resourceId, @Nullable @QueryValue("actor_id") String actorId,
                         @Nullable @QueryValue("action") String action, @Nullable @QueryValue("team_id") String teamId,
                         @Nullable @QueryValue("since") String since, @Nullable @QueryValue("until") String until,
                         @Nullable @QueryValue("limit") String limit, @Nullable @QueryValue("cursor") String cursor,
                         @Nullable @Header("X-Team-Id") String headerTeam) {
        AuditLog.Query query = new AuditLog.Query(text(resourceType, "resource_type"), text(resourceId, "resource_id"),
                text(actorId, "actor_id"), text(action, "action"), null, time(since, "since"), time(until, "until"), limit(limit),
                position(cursor));
        query = query.forTeam(readableTeam(caller, text(teamId, "team_id"), headerTeam));
        AuditLog.Page page = log.page(query);
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("data", page.entries().stream().map(AuditLog::wire).toList());
        body.put("next_cursor", page.next().map(p -> cursors.encode(List.of(CURSOR_KIND, Long.toString(p.occurredAt().toEpochMilli()),
                p.id().toString()))).orElse(null));
        return JsonTrees.node(body);
    }

    /** Admins: the {@code team_id} filter as given (or none). Others: the team they own, or 403. */
    static String readableTeam(Caller caller, String teamId, String headerTeam) {
        if (caller.isAdmin()) {
            return teamId;
        }
        String team = teamId != null ? teamId : headerTeam != null && !headerTeam.isBlank() ? headerTeam.trim() : null;
        if (team == null) {
            if (caller.teams().size() > 1) {
                throw Problems.validation("team_id", "is required: the caller belongs to several teams, name the one you own");
            }
            team = caller.teams().isEmpty() ? null : caller.teams().getFirst().teamId();
        }
        if (team == null || caller.roleIn(team).filter(r -> r == TeamRole.OWNER).isEmpty()) {
            throw Problems.forbidden("only platform admins and a team's owners may read the audit trail");
        }
        return team;
    }

    private static String text(String value, String parameter) {
        if (value == null) {
            return null;
        }
        if (value.isBlank() || value.length() > MAX_TEXT) {
            throw Problems.validation(parameter, "must be 1 to " + MAX_TEXT + " characters");
        }
        return value;
    }

    private static Instant time(String value, String parameter) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw Problems.validation(parameter, "must be an RFC 3339 date-time such as 2025-01-31T12:00:00Z");
        }
    }

    private static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Problems.validation("limit", "must be an integer from 1 to " + MAX_LIMIT);
    }

    private Optional<AuditLog.Position> position(String cursor) {
        if (cursor == null) {
            return Optional.empty();
        }
        List<String> parts = cursors.decode(cursor, "cursor", 3);
        if (!CURSOR_KIND.equals(parts.get(0))) {
            throw Problems.validation("cursor", "is not a valid cursor");
        }
        try {
            return Optional.of(new AuditLog.Position(Instant.ofEpochMilli(Long.parseLong(parts.get(1))), UUID.fromString(parts.get(2))));
        } catch (IllegalArgumentException e) {
            throw Problems.validation("cursor", "is not a valid cursor");
        }
    }
}
