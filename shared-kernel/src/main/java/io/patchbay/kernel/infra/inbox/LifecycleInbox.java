package io.patchbay.kernel.infra.inbox;

import io.patchbay.kernel.event.ApplyLifecycleEventUseCase;
import io.patchbay.kernel.event.ConfigurationDeleted;
import io.patchbay.kernel.event.ConfigurationDisabled;
import io.patchbay.kernel.event.ConfigurationEnabled;
import io.patchbay.kernel.event.ConfigurationLifecycleEvent;
import io.patchbay.kernel.event.ConfigurationTransferred;
import io.patchbay.kernel.event.ReceivedLifecycleEvent;
import io.patchbay.kernel.infra.event.LifecycleEnvelope;
import io.patchbay.kernel.infra.jdbc.Sql;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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

    /** One event in its own transaction: {@link #receiveAll} with a batch of one. */
    public InboxOutcome receive(LifecycleEnvelope envelope, ApplyLifecycleEventUseCase useCase) {
        return receiveAll(List.of(envelope), useCase).getFirst();
    }

    /**
     * Applies events in one transaction, in the given order (the order of their partition), and says for each what was
     * done with it. The new events (neither duplicate nor stale) go to the service's use case in <em>one</em> call, in
     * their order, while the transaction holds their configurations' locks; a use case that throws rolls back all of them:
     * the caller tries them one by one to find the one that fails. Four statements whatever the number of events, plus
     * what the use case does for the batch: the inbox rows ({@code ON CONFLICT DO NOTHING} tells the duplicates), the
     * projection rows created if missing and locked in configuration-id order (the lock a link to the configuration takes
     * too), the projection's new state, and the stale ones marked.
     */
    public List<InboxOutcome> receiveAll(List<LifecycleEnvelope> envelopes, ApplyLifecycleEventUseCase useCase) {
        if (envelopes.isEmpty()) {
            return List.of();
        }
        return sql.inTransaction(() -> {
            Instant now = Instant.now();
            int n = envelopes.size();
            String[] ids = new String[n];
            String[] configurations = new String[n];
            String[] types = new String[n];
            Long[] versions = new Long[n];
            for (int i = 0; i < n; i++) {
                LifecycleEnvelope e = envelopes.get(i);
                ids[i] = e.id().toString();
                configurations[i] = e.event().configurationId();
                types[i] = e.type().ceType();
                versions[i] = e.event().version();
            }
            Set<String> inserted = new HashSet<>(sql.list("INSERT INTO inbox_event (event_id, configuration_id, event_type, version, outcome, "
                            + "received_at) SELECT CAST(u.id AS uuid), u.configuration_id, u.type, u.version, 'applied', ? "
                            + "FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS bigint[])) "
                            + "AS u(id, configuration_id, type, version) ON CONFLICT (event_id) DO NOTHING RETURNING event_id",
                    r -> r.getString(1), now, ids, configurations, types, versions));
            // one statement creates the projection rows that are missing and locks them all: DO UPDATE takes the row lock
            // that a SELECT ... FOR UPDATE would, and RETURNING gives the version each holds
            String[] distinct = new TreeSet<>(Arrays.asList(configurations)).toArray(String[]::new);
            Map<String, Projected> projected = new HashMap<>();
            sql.each("INSERT INTO configuration_projection (configuration_id, state, reason, version, updated_at) "
                            + "SELECT c, 'NONE', NULL, 0, ? FROM unnest(CAST(? AS text[])) WITH ORDINALITY AS u(c, o) ORDER BY o "
                            + "ON CONFLICT (configuration_id) DO UPDATE SET configuration_id = EXCLUDED.configuration_id "
                            + "RETURNING configuration_id, version",
                    r -> new Projected(r.getString(1), r.getLong(2)), p -> projected.put(p.configurationId, p), now, distinct);
            List<InboxOutcome> outcomes = new ArrayList<>(n);
            List<String> stale = new ArrayList<>();
            List<ReceivedLifecycleEvent> fresh = new ArrayList<>(n);
            for (LifecycleEnvelope envelope : envelopes) {
                ConfigurationLifecycleEvent event = envelope.event();
                Projected current = projected.get(event.configurationId());
                if (!inserted.remove(envelope.id().toString())) {
                    outcomes.add(InboxOutcome.DUPLICATE);
                } else if (event.version() <= current.version) {
                    stale.add(envelope.id().toString());
                    outcomes.add(InboxOutcome.STALE);
                } else {
                    // the changes the use case makes are the service's own, caused by this event (their audit entries name it)
                    fresh.add(new ReceivedLifecycleEvent(envelope.id(), envelope.type(), event));
                    current.apply(event);
                    outcomes.add(InboxOutcome.APPLIED);
                }
            }
            if (!fresh.isEmpty()) {
                useCase.apply(List.copyOf(fresh));
            }
            List<Projected> changed = projected.values().stream().filter(p -> p.state != null).toList();
            if (!changed.isEmpty()) {
                sql.update("UPDATE configuration_projection p SET state = u.state, reason = u.reason, version = u.version, updated_at = ? "
                                + "FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS bigint[])) "
                                + "AS u(configuration_id, state, reason, version) WHERE p.configuration_id = u.configuration_id",
                        now, changed.stream().map(p -> p.configurationId).toArray(String[]::new),
                        changed.stream().map(p -> p.state.name()).toArray(String[]::new),
                        changed.stream().map(p -> p.reason).toArray(String[]::new),
                        changed.stream().map(p -> p.version).toArray(Long[]::new));
            }
            if (!stale.isEmpty()) {
                sql.update("UPDATE inbox_event SET outcome = 'stale' WHERE event_id = ANY(CAST(? AS uuid[]))", (Object) stale.toArray(String[]::new));
            }
            return outcomes;
        });
    }

    /** A configuration's projection row while a batch is applied: its version, and its new state once an event changed it. */
    private static final class Projected {
        final String configurationId;
        long version;
        ProjectedConfiguration.State state;
        String reason;

        Projected(String configurationId, long version) {
            this.configurationId = configurationId;
            this.version = version;
        }

        void apply(ConfigurationLifecycleEvent event) {
            version = event.version();
            state = stateAfter(event);
            reason = event instanceof ConfigurationDisabled d ? d.reason() : null;
        }
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
