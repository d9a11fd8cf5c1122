package io.patchbay.environment.adapter.out.persistence;

import io.patchbay.environment.application.port.out.EnvironmentStore;
import io.patchbay.environment.application.port.out.Page;
import io.patchbay.environment.application.port.out.PageKey;
import io.patchbay.environment.application.port.out.Visibility;
import io.patchbay.environment.domain.Environment;
import io.patchbay.kernel.error.Problems;
import io.patchbay.kernel.infra.jdbc.DuplicateKeyException;
import io.patchbay.kernel.infra.jdbc.Sql;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Singleton
class EnvironmentPersistenceAdapter implements EnvironmentStore {
    private static final String COLUMNS = "id, team_id, name, version, created_at, updated_at, created_by, updated_by";
    private final Sql sql;

    EnvironmentPersistenceAdapter(Sql sql) {
        this.sql = sql;
    }

    private static Environment map(ResultSet r) throws SQLException {
        return new Environment(r.getObject("id", UUID.class), r.getString("team_id"), r.getString("name"), r.getLong("version"),
                Sql.millis(r, "created_at"),
                Sql.millis(r, "updated_at"), r.getString("created_by"), r.getString("updated_by"));
    }

    @Override
    public Optional<Environment> find(UUID id) {
        return sql.one("SELECT " + COLUMNS + " FROM environment WHERE id = ?", EnvironmentPersistenceAdapter::map, id);
    }

    @Override
    public void insert(Environment e) {
        try {
            sql.update("INSERT INTO environment (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)", e.id(), e.teamId(), e.name(), e.version(),
                    Rows.instant(e.createdAt()), Rows.instant(e.updatedAt()), e.createdBy(), e.updatedBy());
        } catch (DuplicateKeyException ex) {
            throw duplicate(e);
        }
    }

    @Override
    public void update(Environment e) {
        int updated;
        try {
            updated = sql.update("UPDATE environment SET name = ?, version = ?, updated_at = ?, updated_by = ? WHERE id = ? AND version = ?",
                    e.name(), e.version(), Rows.instant(e.updatedAt()), e.updatedBy(), e.id(), e.version() - 1);
        } catch (DuplicateKeyException ex) {
            throw duplicate(e);
        }
        if (updated != 1) {
            throw Problems.conflict("environment " + e.id() + " was changed by another request; read it again and retry");
        }
    }

    private static RuntimeException duplicate(Environment e) {
        return Problems.conflict("team " + e.teamId() + " already has an environment named '" + e.name() + "'");
    }

    @Override
    public boolean deleteIfEmpty(UUID id) {
        sql.one("SELECT id FROM environment WHERE id = ? FOR UPDATE", r -> r.getString(1), id);
        return sql.update("DELETE FROM environment WHERE id = ? AND NOT EXISTS "
                + "(SELECT 1 FROM environment_integration WHERE environment_id = ?)", id, id) == 1;
    }

    @Override
    public Page<Environment> list(Visibility visibility, String teamId, String name, int limit, PageKey after) {
        StringBuilder where = new StringBuilder("TRUE");
        List<Object> params = new ArrayList<>();
        if (visibility.environment().isPresent()) {
            where.append(" AND id = ?");
            params.add(visibility.environment().get());
        } else if (!visibility.all()) {
            where.append(" AND team_id = ANY(?)");
            params.add(visibility.teamIds());
        }
        if (teamId != null) {
            where.append(" AND team_id = ?");
            params.add(teamId);
        }
        if (name != null) {
            where.append(" AND name = ?");
            params.add(name);
        }
        Rows.after(where, params, "", after);
        params.add(limit + 1);
        List<Environment> rows = sql.list("SELECT " + COLUMNS + " FROM environment WHERE " + where
                + " ORDER BY created_at DESC, id DESC LIMIT ?", EnvironmentPersistenceAdapter::map, params.toArray());
        return Rows.page(rows, limit, e -> new PageKey(e.createdAt(), e.id()));
    }
}
