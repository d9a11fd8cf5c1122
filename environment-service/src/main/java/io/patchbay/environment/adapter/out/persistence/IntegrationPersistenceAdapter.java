package io.patchbay.environment.adapter.out.persistence;

import io.patchbay.environment.application.port.out.IntegrationStore;
import io.patchbay.environment.application.port.out.IntegrationStore.InstalledIn;
import io.patchbay.environment.application.port.out.Page;
import io.patchbay.environment.application.port.out.PageKey;
import io.patchbay.environment.application.port.out.Visibility;
import io.patchbay.environment.domain.Integration;
import io.patchbay.environment.domain.Sharing;
import io.patchbay.kernel.error.Problems;
import io.patchbay.kernel.infra.jdbc.DuplicateKeyException;
import io.patchbay.kernel.infra.jdbc.Sql;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Singleton
class IntegrationPersistenceAdapter implements IntegrationStore {
    private static final String COLUMNS = "id, team_id, name, category, is_beta, config, sharing, version, created_at, updated_at, "
            + "created_by, updated_by";
    private final Sql sql;
    private final JsonColumns json;

    IntegrationPersistenceAdapter(Sql sql, JsonColumns json) {
        this.sql = sql;
        this.json = json;
    }

    private Integration map(ResultSet r) throws SQLException {
        return new Integration(r.getObject("id", UUID.class), r.getString("team_id"), r.getString("name"), r.getString("category"),
                r.getBoolean("is_beta"), json.read(r.getString("config")), Sharing.parse(r.getString("sharing"), "sharing"),
                r.getLong("version"), Sql.millis(r, "created_at"), Sql.millis(r, "updated_at"), r.getString("created_by"),
                r.getString("updated_by"));
    }

    @Override
    public Optional<Integration> find(UUID id) {
        return sql.one("SELECT " + COLUMNS + " FROM integration WHERE id = ?", this::map, id);
    }

    @Override
    public List<Integration> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return sql.list("SELECT " + COLUMNS + " FROM integration WHERE id = ANY(?::uuid[])", this::map, (Object) Rows.uuids(ids));
    }

    @Override
    public void insert(Integration i) {
        try {
            sql.update("INSERT INTO integration (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?::json, ?, ?, ?, ?, ?, ?)", i.id(), i.teamId(),
                    i.name(), i.category(), i.beta(), json.write(i.config()), i.sharing().wire(), i.version(), Rows.instant(i.createdAt()),
                    Rows.instant(i.updatedAt()), i.createdBy(), i.updatedBy());
        } catch (DuplicateKeyException e) {
            throw duplicate(i);
        }
    }

    @Override
    public void update(Integration i) {
        int updated;
        try {
            updated = sql.update("UPDATE integration SET name = ?, category = ?, is_beta = ?, config = ?::json, sharing = ?, version = ?, "
                            + "updated_at = ?, updated_by = ? WHERE id = ? AND version = ?", i.name(), i.category(), i.beta(),
                    json.write(i.config()), i.sharing().wire(), i.version(), Rows.instant(i.updatedAt()), i.updatedBy(), i.id(),
                    i.version() - 1);
        } catch (DuplicateKeyException e) {
            throw duplicate(i);
        }
        if (updated != 1) {
            throw Problems.conflict("integration " + i.id() + " was changed by another request; read it again and retry");
        }
    }

    private static RuntimeException duplicate(Integration i) {
        return Problems.conflict("team " + i.teamId() + " already has an integration named '" + i.name() + "'");
    }

    @Override
    public boolean deleteIfNotInstalled(UUID id) {
        sql.one("SELECT id FROM integration WHERE id = ? FOR UPDATE", r -> r.getString(1), id);
        return sql.update("DELETE FROM integration WHERE id = ? AND NOT EXISTS "
                + "(SELECT 1 FROM environment_integration WHERE integration_id = ?)", id, id) == 1;
    }

    @Override
    public Map<UUID, List<InstalledIn>> installedEnvironments(Collection<UUID> integrationIds) {
        Map<UUID, List<InstalledIn>> out = new HashMap<>();
        if (integrationIds.isEmpty()) {
            return out;
        }
        sql.each("SELECT ei.integration_id, ei.environment_id, e.team_id FROM environment_integration ei "
                        + "JOIN environment e ON e.id = ei.environment_id WHERE ei.integration_id = ANY(?::uuid[]) "
                        + "ORDER BY ei.created_at, ei.id",
                r -> Map.entry(r.getObject(1, UUID.class), new InstalledIn(r.getObject(2, UUID.class), r.getString(3))),
                e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()), (Object) Rows.uuids(integrationIds));
        return out;
    }

    @Override
    public Page<Integration> list(Visibility visibility, IntegrationFilter filter, int limit, PageKey after) {
        StringBuilder where = new StringBuilder("TRUE");
        List<Object> params = new ArrayList<>();
        if (!visibility.all()) {
            where.append(" AND (sharing <> 'deny' OR team_id = ANY(?))");
            params.add(visibility.teamIds());
        }
        if (filter.name() != null) {
            where.append(" AND name = ?");
            params.add(filter.name());
        }
        if (filter.category() != null) {
            where.append(" AND category = ?");
            params.add(filter.category());
        }
        if (filter.teamId() != null) {
            where.append(" AND team_id = ?");
            params.add(filter.teamId());
        }
        Rows.after(where, params, "", after);
        params.add(limit + 1);
        List<Integration> rows = sql.list("SELECT " + COLUMNS + " FROM integration WHERE " + where
                + " ORDER BY created_at DESC, id DESC LIMIT ?", this::map, params.toArray());
        return Rows.page(rows, limit, i -> new PageKey(i.createdAt(), i.id()));
    }
}
