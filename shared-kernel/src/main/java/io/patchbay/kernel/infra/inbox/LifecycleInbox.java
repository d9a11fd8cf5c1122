package io.patchbay.kernel.infra.inbox;

import io.patchbay.kernel.audit.AuditCause;
import io.patchbay.kernel.audit.AuditContext;
import io.patchbay.kernel.event.ConfigurationDeleted;
import io.patchbay.kernel.event.ConfigurationDisabled;
import io.patchbay.kernel.event.ConfigurationEnabled;
import io.patchbay.kernel.event.ConfigurationLifecycleEvent;
import io.patchbay.kernel.event.ConfigurationTransferred;
import io.patchbay.kernel.infra.event.LifecycleEnvelope;
import io.patchbay.kernel.infra.jdbc.Sql;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Optional;

/**
 * The idempotent inbox of a consuming service: the event id is recorded in the same transaction as the state change, so
 * a redelivered event is skipped; an event whose version is not newer than the configuration's projection is recorded
 * as stale and skipped. The projection ({@code configuration_projection}) lets records linked after an event start in
 * the right state. Tables: shared-kernel README.
 */
@Singleton
public class LifecycleInbox {
    private final Sql sql;

    public LifecycleInbox(Sql sql) {
        this.sql = sql;
    }

    public InboxOutcome receive(LifecycleEnvelope envelope, LifecycleEventHandler handler) {
        ConfigurationLifecycleEvent event = envelope.event();
        return sql.inTransaction(() -> {
            int inserted = sql.update("INSERT INTO inbox_event (event_id, configuration_id, event_type, version, outcome, received_at) "
                            + "VALUES (?, ?, ?, ?, 'applied', ?) ON CONFLICT (event_id) DO NOTHING",
                    envelope.id(), event.configurationId(), envelope.type().ceType(), event.version(), Instant.now());
            if (inserted == 0) {
                return InboxOutcome.DUPLICATE;
            }
            // one statement creates the projection row if missing and locks it: DO UPDATE takes the row lock that a
            // SELECT ... FOR UPDATE would, and RETURNING gives the version it holds
            long applied = sql.one("INSERT INTO configuration_projection (configuration_id, state, reason, version, updated_at) "
                            + "VALUES (?, 'NONE', NULL, 0, ?) ON CONFLICT (configuration_id) "
                            + "DO UPDATE SET configuration_id = EXCLUDED.configuration_id RETURNING version",
                    r -> r.getLong(1), event.configurationId(), Instant.now()).orElse(0L);
            if (event.version() <= applied) {
                sql.update("UPDATE inbox_event SET outcome = 'stale' WHERE event_id = ?", envelope.id());
                return InboxOutcome.STALE;
            }
            // the changes the handler makes are the service's own, caused by this event (their audit entries name it)
            AuditContext.asSystem(AuditCause.event(envelope.id(), envelope.type().ceType()), () -> handler.apply(event));
            ProjectedConfiguration.State state = stateAfter(event);
            sql.update("UPDATE configuration_projection SET state = ?, reason = ?, version = ?, updated_at = ? WHERE configuration_id = ?",
                    state.name(), event instanceof ConfigurationDisabled d ? d.reason() : null, event.version(), Instant.now(),
                    event.configurationId());
            return InboxOutcome.APPLIED;
        });
    }

    /** What this service knows of a configuration, for records linked to it after its events arrived. */
    public Optional<ProjectedConfiguration> projection(String configurationId) {
        return sql.one("SELECT configuration_id, state, reason, version FROM configuration_projection "
                        + "WHERE configuration_id = ? AND state <> 'NONE'",
                r -> new ProjectedConfiguration(r.getString(1), ProjectedConfiguration.State.valueOf(r.getString(2)), r.getString(3),
                        r.getLong(4)), configurationId);
    }

    private static ProjectedConfiguration.State stateAfter(ConfigurationLifecycleEvent event) {
        return switch (event) {
            case ConfigurationDisabled ignored -> ProjectedConfiguration.State.DISABLED;
            case ConfigurationEnabled ignored -> ProjectedConfiguration.State.ACTIVE;
            case ConfigurationTransferred ignored -> ProjectedConfiguration.State.ACTIVE;
            case ConfigurationDeleted ignored -> ProjectedConfiguration.State.DELETED;
        };
    }
}
