package io.patchbay.environment.adapter.out.persistence;

import io.patchbay.environment.application.port.out.EnvironmentIntegrationStore;
import io.patchbay.environment.application.port.out.Page;
import io.patchbay.environment.application.port.out.PageKey;
import io.patchbay.environment.application.port.out.Visibility;
import io.patchbay.environment.domain.EnvironmentIntegration;
import io.patchbay.kernel.error.Problems;
import io.micronaut.data.exceptions.DataAccessException;
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
class EnvironmentIntegrationPersistenceAdapter implements EnvironmentIntegrationStore {
    private static final String COLUMNS = "id, integration_id, environment_id, show_in_catalog, is_enabled, override, configuration_id, "
            + "approved, configuration_disabled, disabled_reason, remembered_is_enabled, version, created_at, updated_at, created_by, updated_by";
    private static final String ALIASED = "ei." + COLUMNS.replace(", ", ", ei.");
    /** The class id of this service's per-configuration advisory locks ("envi"). */
    private static final int CONFIGURATION_LOCKS = 0x656e7669;
    private final Sql sql;
    private final JsonColumns json;

    EnvironmentIntegrationPersistenceAdapter(Sql sql, JsonColumns json) {
        this.sql = sql;
        this.json = json;
    }

    private EnvironmentIntegration map(ResultSet r) throws SQLException {
        return new EnvironmentIntegration(r.getObject("id", UUID.class), r.getObject("integration_id", UUID.class),
                r.getObject("environment_id", UUID.class), r.getBoolean("show_in_catalog"), r.getBoolean("is_enabled"),
                json.read(r.getString("override")), r.getString("configuration_id"), r.getBoolean("approved"),
                r.getBoolean("configuration_disabled"), r.getString("disabled_reason"), r.getBoolean("remembered_is_enabled"),
                r.getLong("version"), Sql.millis(r, "created_at"), Sql.millis(r, "updated_at"), r.getString("created_by"),
                r.getString("updated_by"));
    }

    @Override
    public Optional<EnvironmentIntegration> find(UUID id) {
        return sql.one("SELECT " + COLUMNS + " FROM environment_integration WHERE id = ?", this::map, id);
    }

    @Override
    public void insert(EnvironmentIntegration i) {
        try {
            sql.update("INSERT INTO environment_integration (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?::json, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    i.id(), i.integrationId(), i.environmentId(), i.showInCatalog(), i.enabled(), json.write(i.override()),
                    i.configurationId(), i.approved(), i.configurationDisabled(), i.disabledReason(), i.rememberedEnabled(), i.version(),
                    Rows.instant(i.createdAt()), Rows.instant(i.updatedAt()), i.createdBy(), i.updatedBy());
        } catch (DuplicateKeyException e) {
            throw Problems.conflict("integration " + i.integrationId() + " is already installed in environment " + i.environmentId());
        } catch (DataAccessException e) {
            if (Rows.isForeignKeyViolation(e)) {
                throw Rows.referenceGone("the environment or the integration");
            }
            throw e;
        }
    }

    @Override
    public void update(EnvironmentIntegration i) {
        int updated = sql.update("UPDATE environment_integration SET show_in_catalog = ?, is_enabled = ?, override = ?::json, "
                        + "approved = ?, configuration_disabled = ?, disabled_reason = ?, remembered_is_enabled = ?, version = ?, "
                        + "updated_at = ?, updated_by = ? WHERE id = ? AND version = ?", i.showInCatalog(), i.enabled(),
                json.write(i.override()), i.approved(), i.configurationDisabled(), i.disabledReason(), i.rememberedEnabled(), i.version(),
                Rows.instant(i.updatedAt()), i.updatedBy(), i.id(), i.version() - 1);
        if (updated != 1) {
            throw Problems.conflict("environment integration " + i.id() + " was changed by another request; read it again and retry");
        }
    }

    @Override
    public void delete(UUID id) {
        sql.update("DELETE FROM environment_integration WHERE id = ?", id);
    }

    @Override
    public void lockConfiguration(String configurationId) {
        // the two-key form: its lock space is apart from the single-key advisory locks (the kernel's outbox lease)
        sql.list("SELECT pg_advisory_xact_lock(?, hashtext(?))", r -> Boolean.TRUE, CONFIGURATION_LOCKS, configurationId);
    }

    @Override
    public List<EnvironmentIntegration> lockByConfiguration(String configurationId) {
        return sql.list("SELECT " + COLUMNS + " FROM environment_integration WHERE configuration_id = ? ORDER BY id FOR UPDATE", this::map,
                configurationId);
    }

    @Override
    public Page<EnvironmentIntegration> list(Visibility visibility, InstallFilter f, int limit, PageKey after) {
        StringBuilder where = new StringBuilder("TRUE");
        List<Object> params = new ArrayList<>();
        if (visibility.environment().isPresent()) {
            where.append(" AND ei.environment_id = ?");
            params.add(visibility.environment().get());
        } else if (!visibility.all()) {
            where.append(" AND (e.team_id = ANY(?) OR i.team_id = ANY(?))");
            params.add(visibility.teamIds());
            params.add(visibility.teamIds());
        }
        if (f.integrationId() != null) {
            where.append(" AND ei.integration_id = ?");
            params.add(f.integrationId());
        }
        if (f.environmentId() != null) {
            where.append(" AND ei.environment_id = ?");
            params.add(f.environmentId());
        }
        if (f.showInCatalog() != null) {
            where.append(" AND ei.show_in_catalog = ?");
            params.add(f.showInCatalog());
        }
        if (f.enabled() != null) {
            where.append(" AND ei.is_enabled = ?");
            params.add(f.enabled());
        }
        if (f.integrationName() != null) {
            where.append(" AND i.name = ?");
            params.add(f.integrationName());
        }
        if (f.integrationCategory() != null) {
            where.append(" AND i.category = ?");
            params.add(f.integrationCategory());
        }
        Rows.after(where, params, "ei.", after);
        params.add(limit + 1);
        List<EnvironmentIntegration> rows = sql.list("SELECT " + ALIASED + " FROM environment_integration ei "
                + "JOIN environment e ON e.id = ei.environment_id JOIN integration i ON i.id = ei.integration_id WHERE " + where
                + " ORDER BY ei.created_at DESC, ei.id DESC LIMIT ?", this::map, params.toArray());
        return Rows.page(rows, limit, i -> new PageKey(i.createdAt(), i.id()));
    }
}
