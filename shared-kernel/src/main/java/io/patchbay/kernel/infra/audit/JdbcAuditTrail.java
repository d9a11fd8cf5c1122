package io.patchbay.kernel.infra.audit;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import io.patchbay.kernel.audit.AuditActor;
import io.patchbay.kernel.audit.AuditCause;
import io.patchbay.kernel.audit.AuditChange;
import io.patchbay.kernel.audit.AuditContext;
import io.patchbay.kernel.audit.AuditRecord;
import io.patchbay.kernel.audit.AuditTrail;
import io.patchbay.kernel.audit.CausedAuditRecord;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.infra.auth.Authenticator;
import io.patchbay.kernel.infra.jdbc.Sql;
import io.patchbay.kernel.infra.json.JsonTrees;
import io.patchbay.kernel.infra.web.RequestIdFilter;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The audit trail in the service's own database ({@code audit_event}), appended in the caller's transaction (none open
 * is a bug: {@code MANDATORY}); read and pruned through {@link AuditEventRepository}. The actor and request id come from the request being served (the
 * caller the token names, {@code X-Request-Id}); inside {@link AuditContext#asSystem} the actor is the service itself
 * with that cause (the request id is kept when a request set the trigger off).
 */
@Singleton
@Requires(beans = DataSource.class)
public class JdbcAuditTrail implements AuditTrail {
    /**
     * PostgreSQL-specific on purpose (architecture.md: explicit SQL for what is PostgreSQL work): the entries of one call
     * as one {@code INSERT … SELECT FROM unnest(arrays)}, not one statement per entry — a 10,000-configuration plan
     * downgrade writes its entries 500 at a time next to its outbox rows, within the 25 % it may cost (docs/benchmarks.md).
     */
    static final String INSERT = "INSERT INTO audit_event (id, occurred_at, service, action, resource_type, resource_id, team_id, actor_type, "
            + "actor_id, actor_team_id, cause_event_id, cause_event_type, cause_trigger, request_id, changes) "
            + "SELECT CAST(u.id AS uuid), CAST(? AS timestamptz), CAST(? AS text), u.action, u.resource_type, u.resource_id, u.team_id, "
            + "u.actor_type, u.actor_id, u.actor_team_id, CAST(u.cause_event_id AS uuid), u.cause_event_type, u.cause_trigger, CAST(? AS text), "
            + "CAST(u.changes AS jsonb) FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), "
            + "CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), "
            + "CAST(? AS text[]), CAST(? AS text[])) "
            + "AS u(id, action, resource_type, resource_id, team_id, actor_type, actor_id, actor_team_id, cause_event_id, cause_event_type, "
            + "cause_trigger, changes)";

    private final Sql sql;
    private final JsonMapper json;
    private final Clock clock;
    private final String service;

    public JdbcAuditTrail(Sql sql, JsonMapper json, Clock clock, @Value("${micronaut.application.name:patchbay}") String service) {
        this.sql = sql;
        this.json = json;
        this.clock = clock;
        this.service = service;
    }

    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void recordAll(Collection<AuditRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        Optional<HttpRequest<Object>> request = ServerRequestContext.currentRequest();
        Optional<AuditCause> systemCause = AuditContext.systemCause();
        Optional<Caller> caller = systemCause.isPresent() ? Optional.empty() : request.flatMap(Authenticator::callerOf);
        AuditCause cause = systemCause.orElse(null);
        List<Entry> entries = new ArrayList<>(records.size());
        for (AuditRecord r : records) {
            entries.add(new Entry(r, caller.map(c -> actorOf(c, r.teamId())).orElseGet(AuditActor::system), cause));
        }
        insert(entries, request);
    }

    /** The service's own changes, each with its cause: one statement for all of them (a batch of lifecycle events). */
    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void recordCaused(Collection<CausedAuditRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        List<Entry> entries = new ArrayList<>(records.size());
        for (CausedAuditRecord r : records) {
            entries.add(new Entry(r.record(), AuditActor.system(), r.cause()));
        }
        insert(entries, ServerRequestContext.currentRequest());
    }

    private record Entry(AuditRecord record, AuditActor actor, AuditCause cause) {
    }

    private void insert(List<Entry> entries, Optional<HttpRequest<Object>> request) {
        String requestId = request.flatMap(r -> r.getAttribute(RequestIdFilter.ATTRIBUTE, String.class)).orElse(null);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        int n = entries.size();
        String[] ids = new String[n];
        String[] actions = new String[n];
        String[] resourceTypes = new String[n];
        String[] resourceIds = new String[n];
        String[] teams = new String[n];
        String[] actorTypes = new String[n];
        String[] actorIds = new String[n];
        String[] actorTeams = new String[n];
        String[] causeEventIds = new String[n];
        String[] causeEventTypes = new String[n];
        String[] causeTriggers = new String[n];
        String[] changes = new String[n];
        for (int i = 0; i < n; i++) {
            Entry e = entries.get(i);
            AuditRecord r = e.record();
            AuditCause cause = e.cause();
            ids[i] = AuditIds.next(now).toString();
            actions[i] = r.action();
            resourceTypes[i] = r.resourceType();
            resourceIds[i] = r.resourceId();
            teams[i] = r.teamId();
            actorTypes[i] = e.actor().type().wire();
            actorIds[i] = e.actor().id();
            actorTeams[i] = e.actor().teamId();
            causeEventIds[i] = cause == null || cause.eventId() == null ? null : cause.eventId().toString();
            causeEventTypes[i] = cause == null ? null : cause.eventType();
            causeTriggers[i] = cause == null ? null : cause.trigger();
            changes[i] = changesJson(r.changes());
        }
        // one statement for the whole batch (a bulk change's chunk of 500): a row per array element
        sql.update(INSERT, now, service, requestId, ids, actions, resourceTypes, resourceIds, teams, actorTypes, actorIds, actorTeams,
                causeEventIds, causeEventTypes, causeTriggers, changes);
    }

    private static AuditActor actorOf(Caller caller, String teamId) {
        String actorTeam = teamId != null && caller.isMemberOf(teamId) ? teamId : null;
        return new AuditActor(caller.isAdmin() ? AuditActor.Type.ADMIN : AuditActor.Type.USER, caller.userId(), actorTeam);
    }

    private String changesJson(Map<String, AuditChange> changes) {
        Map<String, Object> tree = new LinkedHashMap<>();
        changes.forEach((field, change) -> {
            Map<String, Object> fromTo = new LinkedHashMap<>();
            fromTo.put("from", change.from());
            fromTo.put("to", change.to());
            tree.put(field, fromTo);
        });
        return new String(JsonTrees.write(json, tree), StandardCharsets.UTF_8);
    }
}
