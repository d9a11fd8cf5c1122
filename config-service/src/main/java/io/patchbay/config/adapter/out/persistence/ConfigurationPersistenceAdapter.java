package io.patchbay.config.adapter.out.persistence;

import io.patchbay.config.application.port.out.BulkSelection;
import io.patchbay.config.application.port.out.ConfigurationListQuery;
import io.patchbay.config.application.port.out.ConfigurationPage;
import io.patchbay.config.application.port.out.ConfigurationStore;
import io.patchbay.config.application.port.out.PageKey;
import io.patchbay.config.domain.Configuration;
import io.patchbay.kernel.error.Problems;
import io.patchbay.kernel.infra.jdbc.DuplicateKeyException;
import io.patchbay.kernel.infra.jdbc.Sql;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

@Singleton
class ConfigurationPersistenceAdapter implements ConfigurationStore {
    private final Sql sql;

    ConfigurationPersistenceAdapter(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Optional<Configuration> find(String id) {
        return sql.one("SELECT " + ConfigurationRows.COLUMNS + " FROM configuration WHERE id = ?", ConfigurationRows::map, id);
    }

    @Override
    public void insert(Configuration c) {
        try {
            sql.update("INSERT INTO configuration (" + ConfigurationRows.COLUMNS + ") VALUES "
                    + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ConfigurationRows.insertValues(c));
        } catch (DuplicateKeyException e) {
            throw Problems.conflict("configuration " + c.id() + " already exists");
        }
    }

    @Override
    public void update(Configuration c) {
        if (sql.update(ConfigurationRows.UPDATE, ConfigurationRows.updateValues(c)) != 1) {
            throw Problems.conflict("configuration " + c.id() + " was changed by another request; read it again and retry");
        }
    }

    @Override
    public void updateAll(List<Configuration> configurations) {
        sql.batch(ConfigurationRows.UPDATE, configurations.stream().map(ConfigurationRows::updateValues).toList());
    }

    @Override
    public void forEachLockedChunk(BulkSelection selection, int chunkSize, Consumer<List<Configuration>> chunk) {
        Filter filter = filter(selection);
        String last = "";
        while (true) {
            List<Object> params = new ArrayList<>(filter.params());
            params.add(last);
            params.add(chunkSize);
            List<Configuration> rows = sql.list("SELECT " + ConfigurationRows.COLUMNS + " FROM configuration WHERE deleted_at IS NULL AND "
                    + filter.where() + " AND id > ? ORDER BY id LIMIT ? FOR UPDATE", ConfigurationRows::map, params.toArray());
            if (rows.isEmpty()) {
                return;
            }
            chunk.accept(rows);
            if (rows.size() < chunkSize) {
                return;
            }
            last = rows.getLast().id();
        }
    }

    private record Filter(String where, List<Object> params) {
    }

    private static Filter filter(BulkSelection selection) {
        return switch (selection) {
            case BulkSelection.ActiveOfTeamUser s ->
                    new Filter("disabled_at IS NULL AND team_id = ? AND user_id = ?", List.of(s.teamId(), s.userId()));
            case BulkSelection.ActiveOfTeamNeedingPlanAbove s -> new Filter("disabled_at IS NULL AND team_id = ? AND integration_id IN "
                    + "(SELECT id FROM app WHERE required_plan_rank > ?)", List.of(s.teamId(), (short) s.plan().ordinal()));
            case BulkSelection.DisabledOfTeamAllowedBy s -> new Filter("disabled_reason = ? AND team_id = ? AND integration_id IN "
                    + "(SELECT id FROM app WHERE required_plan_rank <= ?)", List.of(s.reason().wire(), s.teamId(), (short) s.plan().ordinal()));
            case BulkSelection.ActiveOfApp s -> new Filter("disabled_at IS NULL AND integration_id = ?", List.of(s.integrationId()));
            case BulkSelection.DisabledOfApp s ->
                    new Filter("disabled_reason = ? AND integration_id = ?", List.of(s.reason().wire(), s.integrationId()));
            case BulkSelection.DeletionRequestedBefore s -> new Filter("delete_requested_at IS NOT NULL AND delete_requested_at <= ?",
                    List.of(Instant.ofEpochMilli(s.requestedBefore())));
        };
    }

    @Override
    public ConfigurationPage list(ConfigurationListQuery q) {
        StringBuilder where = new StringBuilder("deleted_at IS NULL AND owner_id = ?");
        List<Object> params = new ArrayList<>(List.of(q.ownerId()));
        where.append(q.personal() ? " AND team_id IS NULL" : " AND team_id = owner_id");
        if (q.installationType() != null) {
            where.append(" AND installation_type = ?");
            params.add(q.installationType().wire());
        }
        if (q.integrationIdOrSlug() != null) {
            where.append(" AND (integration_id = ? OR slug = ?)");
            params.add(q.integrationIdOrSlug());
            params.add(q.integrationIdOrSlug());
        }
        if (q.projectView()) {
            where.append(" AND source <> 'oauth' AND NOT (project_selection = 'selected' AND coalesce(cardinality(projects), 0) = 0)");
        }
        if (q.after() != null) {
            where.append(" AND (created_at, id) < (?, ?)");
            params.add(Instant.ofEpochMilli(q.after().createdAt()));
            params.add(q.after().id());
        }
        params.add(q.limit() + 1);
        List<Configuration> rows = sql.list("SELECT " + ConfigurationRows.COLUMNS + " FROM configuration WHERE " + where
                + " ORDER BY created_at DESC, id DESC LIMIT ?", ConfigurationRows::map, params.toArray());
        if (rows.size() <= q.limit()) {
            return new ConfigurationPage(rows, Optional.empty());
        }
        List<Configuration> page = rows.subList(0, q.limit());
        Configuration last = page.getLast();
        return new ConfigurationPage(List.copyOf(page), Optional.of(new PageKey(last.createdAt(), last.id())));
    }
}
