package io.patchbay.kernel.infra.outbox;

import io.micronaut.json.JsonMapper;
import io.patchbay.kernel.infra.jdbc.Sql;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Appends messages to the {@code outbox_event} table in the caller's transaction and notifies the relay on commit
 * ({@code NOTIFY patchbay_outbox}). Must be called inside a transaction: the state change and its events commit or
 * roll back together. The table contract is in shared-kernel's README; each service creates it in its own migration.
 */
@Singleton
public class OutboxWriter {
    public static final String CHANNEL = "patchbay_outbox";

    private final Sql sql;
    private final JsonMapper json;

    public OutboxWriter(Sql sql, JsonMapper json) {
        this.sql = sql;
        this.json = json;
    }

    public void append(Collection<OutboxMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(messages.size());
        for (OutboxMessage m : messages) {
            rows.add(new Object[]{m.eventId(), m.topic(), m.key(), headersJson(m), m.payload()});
        }
        sql.batch("INSERT INTO outbox_event (event_id, topic, record_key, headers, payload) VALUES (?, ?, ?, ?::jsonb, ?)", rows);
        sql.list("SELECT pg_notify('" + CHANNEL + "', '')", r -> 1);
    }

    private String headersJson(OutboxMessage m) {
        try {
            return json.writeValueAsString(m.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
