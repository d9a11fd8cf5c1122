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
import java.util.Collection;
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
            + "u.actor_type, u.actor_id, u.actor_team_id, CAST(CAST(? AS text) AS uuid), CAST(? AS text), CAST(? AS text), CAST(? AS text), "
            + "CAST(u.changes AS jsonb) FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), "
            + "CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[])) "
            + "AS u(id, action, resource_type, resource_id, team_id, actor_type, actor_id, actor_team_id, changes)";

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
        String requestId = request.flatMap(r -> r.getAttribute(RequestIdFilter.ATTRIBUTE, String.class)).orElse(null);
        Optional<AuditCause> systemCause = AuditContext.systemCause();
        Optional<Caller> caller = systemCause.isPresent() ? Optional.empty() : request.flatMap(Authenticator::callerOf);
        AuditCause cause = systemCause.orElse(null);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        int n = records.size();
        String[] ids = new String[n];
        String[] actions = new String[n];
        String[] resourceTypes = new String[n];
        String[] resourceIds = new String[n];
        String[] teams = new String[n];
        String[] actorTypes = new String[n];
        String[] actorIds = new String[n];
        String[] actorTeams = new String[n];
        String[] changes = new String[n];
        int i = 0;
        for (AuditRecord r : records) {
            AuditActor actor = caller.map(c -> actorOf(c, r.teamId())).orElseGet(AuditActor::system);
            ids[i] = AuditIds.next(now).toString();
            actions[i] = r.action();
            resourceTypes[i] = r.resourceType();
            resourceIds[i] = r.resourceId();
            teams[i] = r.teamId();
            actorTypes[i] = actor.type().wire();
            actorIds[i] = actor.id();
            actorTeams[i] = actor.teamId();
            changes[i] = changesJson(r.changes());
            i++;
        }
        // one statement for the whole batch (a bulk change's chunk of 500): a row per array element
        sql.update(INSERT, now, service, cause == null || cause.eventId() == null ? null : cause.eventId().toString(),
                cause == null ? null : cause.eventType(), cause == null ? null : cause.trigger(), requestId, ids, actions, resourceTypes,
                resourceIds, teams, actorTypes, actorIds, actorTeams, changes);
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
