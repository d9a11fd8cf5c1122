package io.patchbay.catalog.adapter.out.persistence;

import io.patchbay.catalog.application.port.out.ConnectorStore;
import io.patchbay.kernel.infra.jdbc.Sql;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@Singleton
class ConnectorPersistenceAdapter implements ConnectorStore {
    private final Sql sql;

    ConnectorPersistenceAdapter(Sql sql) {
        this.sql = sql;
    }

    @Override
    public List<ConnectorRecord> list(String teamId) {
        return sql.list("SELECT id, name FROM connector WHERE team_id = ? ORDER BY id", r -> new ConnectorRecord(r.getString(1), r.getString(2)), teamId);
    }

    @Override
    public Optional<ConnectorRecord> find(String teamId, String id) {
        return sql.one("SELECT id, name FROM connector WHERE team_id = ? AND id = ?", r -> new ConnectorRecord(r.getString(1), r.getString(2)),
                teamId, id);
    }

    @Override
    public void upsert(String teamId, String id, String name, String by, Instant now) {
        sql.update("INSERT INTO connector (team_id, id, name, created_at, updated_at, created_by, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (team_id, id) DO UPDATE SET name = EXCLUDED.name, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by",
                teamId, id, name, now, now, by, by);
    }

    @Override
    public void delete(String teamId, String id) {
        sql.update("DELETE FROM connector WHERE team_id = ? AND id = ?", teamId, id);
    }
}
