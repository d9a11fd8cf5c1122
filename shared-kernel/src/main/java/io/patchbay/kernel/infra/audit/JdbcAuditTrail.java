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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The audit trail in the service's own database ({@code audit_event}), appended through Micronaut Data in the caller's
 * transaction (none open is a bug: {@code MANDATORY}). The actor and request id come from the request being served (the
 * caller the token names, {@code X-Request-Id}); inside {@link AuditContext#asSystem} the actor is the service itself
 * with that cause (the request id is kept when a request set the trigger off).
 */
@Singleton
@Requires(beans = DataSource.class)
public class JdbcAuditTrail implements AuditTrail {
    private final AuditEventRepository repository;
    private final JsonMapper json;
    private final Clock clock;
    private final String service;

    public JdbcAuditTrail(AuditEventRepository repository, JsonMapper json, Clock clock,
                          @Value("${micronaut.application.name:patchbay}") String service) {
        this.repository = repository;
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
        List<AuditEventRow> rows = new ArrayList<>(records.size());
        for (AuditRecord r : records) {
            AuditActor actor = caller.map(c -> actorOf(c, r.teamId())).orElseGet(AuditActor::system);
            rows.add(new AuditEventRow(AuditIds.next(now), now, service, r.action(), r.resourceType(), r.resourceId(), r.teamId(),
                    actor.type().wire(), actor.id(), actor.teamId(), cause == null ? null : cause.eventId(),
                    cause == null ? null : cause.eventType(), cause == null ? null : cause.trigger(), requestId, changesJson(r.changes())));
        }
        repository.saveAll(rows);
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
