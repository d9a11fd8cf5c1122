package io.patchbay.catalog.adapter.out.persistence;

import io.patchbay.catalog.application.port.in.IntegrationFilter;
import io.patchbay.catalog.application.port.in.PageAfter;
import io.patchbay.catalog.application.port.out.IntegrationStore;
import io.patchbay.catalog.domain.Integration;
import io.patchbay.catalog.domain.IntegrationStatus;
import io.patchbay.catalog.domain.NameFilter;
import io.patchbay.kernel.error.Problems;
import io.patchbay.kernel.infra.jdbc.DuplicateKeyException;
import io.patchbay.kernel.infra.jdbc.Sql;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Integrations in PostgreSQL; list filters become indexed SQL (LIKE on lower(name), keyset on (lower(name), id)). */
@Singleton
class IntegrationPersistenceAdapter implements IntegrationStore {
    private static final String COLUMNS = "id, team_id, name, type, category, connector_id, status, status_before_disable, details, "
            + "last_sync_time, integration_config::text AS config, secret_store_kind, secret_store::text AS secret, connected_resource_types, "
            + "custom_access_details, owner::text AS owner, owners_mapping::text AS mapping, configuration_id, revision, created_at, "
            + "updated_at, created_by, updated_by";

    private final Sql sql;
    private final JsonColumns json;

    IntegrationPersistenceAdapter(Sql sql, JsonColumns json) {
        this.sql = sql;
        this.json = json;
    }

    @Override
    public void insert(Integration i) {
        try {
            sql.update("INSERT INTO integration (id, team_id, name, type, category, connector_id, status, status_before_disable, details, "
                            + "last_sync_time, integration_config, secret_store_kind, secret_store, connected_resource_types, custom_access_details, "
                            + "owner, owners_mapping, configuration_id, revision, created_at, updated_at, created_by, updated_by) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?::text[], ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?)",
                    i.id(), i.teamId(), i.name(), i.type(), i.category(), i.connectorId(), i.status().name(), name(i.statusBeforeDisable()),
                    i.details(), i.lastSyncTime(), json.write(i.config()), kind(i), secret(i), array(i.connectedResourceTypes()),
                    i.customAccessDetails(), json.write(JsonColumns.owner(i.owner())), json.write(JsonColumns.mapping(i.ownersMapping())),
                    i.configurationId(), i.revision(), i.createdAt(), i.updatedAt(), i.createdBy(), i.updatedBy());
        } catch (DuplicateKeyException e) {
            throw duplicate(i);
        }
    }

    @Override
    public void update(Integration i) {
        try {
            sql.update("UPDATE integration SET name = ?, connector_id = ?, status = ?, status_before_disable = ?, details = ?, last_sync_time = ?, "
                            + "integration_config = ?::jsonb, secret_store_kind = ?, secret_store = ?::jsonb, connected_resource_types = ?::text[], "
                            + "custom_access_details = ?, owner = ?::jsonb, owners_mapping = ?::jsonb, configuration_id = ?, revision = ?, "
                            + "updated_at = ?, updated_by = ? WHERE id = ?",
                    i.name(), i.connectorId(), i.status().name(), name(i.statusBeforeDisable()), i.details(), i.lastSyncTime(),
                    json.write(i.config()), kind(i), secret(i), array(i.connectedResourceTypes()), i.customAccessDetails(),
                    json.write(JsonColumns.owner(i.owner())), json.write(JsonColumns.mapping(i.ownersMapping())), i.configurationId(),
                    i.revision(), i.updatedAt(), i.updatedBy(), i.id());
        } catch (DuplicateKeyException e) {
            throw duplicate(i);
        }
    }

    @Override
    public void delete(String id) {
        sql.update("DELETE FROM integration WHERE id = ?", id);
    }

    @Override
    public Optional<Integration> find(String id) {
        return sql.one("SELECT " + COLUMNS + " FROM integration WHERE id = ?", this::map, id);
    }

    @Override
    public Optional<Integration> findForUpdate(String id) {
        return sql.one("SELECT " + COLUMNS + " FROM integration WHERE id = ? FOR UPDATE", this::map, id);
    }

    @Override
    public List<Integration> list(String teamId, IntegrationFilter filter, int limit, PageAfter after) {
        StringBuilder where = new StringBuilder("team_id = ?");
        List<Object> params = new ArrayList<>(List.of(teamId));
        if (filter.name() != null) {
            where.append(" AND lower(name) LIKE ?");
            params.add(NameFilter.likePattern(filter.name(), "name"));
        }
        if (!filter.types().isEmpty()) {
            where.append(" AND lower(type) LIKE ANY (?::text[])");
            params.add(filter.types().stream().map(t -> NameFilter.likePattern(t, "type")).toArray(String[]::new));
        }
        if (!filter.categories().isEmpty()) {
            where.append(" AND lower(category) = ANY (?::text[])");
            params.add(filter.categories().stream().map(c -> c.toLowerCase(Locale.ROOT)).toArray(String[]::new));
        }
        if (!filter.connectorIds().isEmpty()) {
            where.append(" AND connector_id = ANY (?::text[])");
            params.add(filter.connectorIds().toArray(String[]::new));
        }
        if (!filter.statuses().isEmpty()) {
            where.append(" AND status = ANY (?::text[])");
            params.add(filter.statuses().toArray(String[]::new));
        }
        if (after != null) {
            where.append(" AND (lower(name), id) > (?, ?)");
            params.add(after.nameLower());
            params.add(after.id());
        }
        params.add(limit + 1);
        return sql.list("SELECT " + COLUMNS + " FROM integration WHERE " + where + " ORDER BY lower(name), id LIMIT ?", this::map,
                params.toArray());
    }

    @Override
    public List<Integration> listByOffset(String teamId, int limit, int offset) {
        return sql.list("SELECT " + COLUMNS + " FROM integration WHERE team_id = ? ORDER BY lower(name), id LIMIT ? OFFSET ?", this::map,
                teamId, limit, offset);
    }

    @Override
    public long count(String teamId) {
        return sql.one("SELECT count(*) FROM integration WHERE team_id = ?", r -> r.getLong(1), teamId).orElse(0L);
    }

    @Override
    public List<Integration> findByConfigurationForUpdate(String configurationId) {
        return sql.list("SELECT " + COLUMNS + " FROM integration WHERE configuration_id = ? ORDER BY id FOR UPDATE", this::map, configurationId);
    }

    @Override
    public Optional<Integration> findByIdOrName(String teamId, String reference) {
        return sql.list("SELECT " + COLUMNS + " FROM integration WHERE team_id = ? AND (id = ? OR lower(name) = lower(?)) LIMIT 1", this::map,
                teamId, reference, reference).stream().findFirst();
    }

    @Override
    public boolean anyUsesConnector(String teamId, String connectorId) {
        return sql.one("SELECT EXISTS (SELECT 1 FROM integration WHERE team_id = ? AND connector_id = ?)", r -> r.getBoolean(1),
                teamId, connectorId).orElse(false);
    }

    private static RuntimeException duplicate(Integration i) {
        return Problems.conflict("an integration named '" + i.name() + "' already exists in this team (names are unique, case-insensitive)");
    }

    private static String name(IntegrationStatus s) {
        return s == null ? null : s.name();
    }

    private static String kind(Integration i) {
        return i.secretStore() == null ? null : i.secretStore().kind().wire();
    }

    private String secret(Integration i) {
        return i.secretStore() == null ? null : json.write(i.secretStore().fields());
    }

    private static String[] array(List<String> list) {
        return list == null ? null : list.toArray(String[]::new);
    }

    private Integration map(ResultSet r) throws SQLException {
        String before = r.getString("status_before_disable");
        var sync = r.getTimestamp("last_sync_time");
        return new Integration(r.getString("id"), r.getString("team_id"), r.getString("name"), r.getString("type"), r.getString("category"),
                r.getString("connector_id"), IntegrationStatus.valueOf(r.getString("status")),
                before == null ? null : IntegrationStatus.valueOf(before), r.getString("details"), sync == null ? null : sync.toInstant(),
                json.strings(r.getString("config")), json.secretStore(r.getString("secret_store_kind"), r.getString("secret")),
                Sql.strings(r, "connected_resource_types"), r.getString("custom_access_details"), json.owner(r.getString("owner")),
                json.mapping(r.getString("mapping")), r.getString("configuration_id"), r.getLong("revision"),
                r.getTimestamp("created_at").toInstant(), r.getTimestamp("updated_at").toInstant(), r.getString("created_by"),
                r.getString("updated_by"));
    }
}
