package io.patchbay.config.adapter.out.persistence;

import io.patchbay.config.application.port.out.AppStore;
import io.patchbay.config.domain.App;
import io.patchbay.config.domain.Plan;
import io.patchbay.config.domain.WireEnum;
import io.patchbay.kernel.error.Problems;
import io.patchbay.kernel.infra.jdbc.DuplicateKeyException;
import io.patchbay.kernel.infra.jdbc.Sql;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@Singleton
class AppPersistenceAdapter implements AppStore {
    private static final String COLUMNS = "id, slug, name, icon, scopes, marketplace, partner_team_id, required_plan, available, legacy, "
            + "created_at, updated_at";

    private final Sql sql;

    AppPersistenceAdapter(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Optional<App> findByIdOrSlug(String idOrSlug) {
        return sql.one("SELECT " + COLUMNS + " FROM app WHERE id = ? OR slug = ?", AppPersistenceAdapter::map, idOrSlug, idOrSlug);
    }

    @Override
    public List<App> findByIds(Collection<String> ids) {
        return ids.isEmpty() ? List.of() : sql.list("SELECT " + COLUMNS + " FROM app WHERE id = ANY(?)", AppPersistenceAdapter::map, ids);
    }

    @Override
    public List<App> list() {
        return sql.list("SELECT " + COLUMNS + " FROM app ORDER BY slug", AppPersistenceAdapter::map);
    }

    @Override
    public void insert(App app, String actor) {
        try {
            sql.update("INSERT INTO app (" + COLUMNS + ", required_plan_rank, created_by, updated_by) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    app.id(), app.slug(), app.name(), app.icon(), app.scopes().toArray(String[]::new), app.marketplace(), app.partnerTeamId(),
                    app.requiredPlan().wire(), app.available(), app.legacy(), Instant.ofEpochMilli(app.createdAt()),
                    Instant.ofEpochMilli(app.updatedAt()), (short) app.requiredPlan().ordinal(), actor, actor);
        } catch (DuplicateKeyException e) {
            throw Problems.conflict("an app with slug '" + app.slug() + "' already exists");
        }
    }

    @Override
    public void update(App previous, App app, String actor) {
        int updated;
        try {
            updated = sql.update("UPDATE app SET slug = ?, name = ?, icon = ?, scopes = ?, marketplace = ?, partner_team_id = ?, "
                            + "required_plan = ?, required_plan_rank = ?, available = ?, legacy = ?, updated_at = ?, updated_by = ? "
                            + "WHERE id = ? AND updated_at = ?",
                    app.slug(), app.name(), app.icon(), app.scopes().toArray(String[]::new), app.marketplace(), app.partnerTeamId(),
                    app.requiredPlan().wire(), (short) app.requiredPlan().ordinal(), app.available(), app.legacy(),
                    Instant.ofEpochMilli(app.updatedAt()), actor, app.id(), Instant.ofEpochMilli(previous.updatedAt()));
        } catch (DuplicateKeyException e) {
            throw Problems.conflict("an app with slug '" + app.slug() + "' already exists");
        }
        if (updated != 1) {
            throw Problems.conflict("app " + app.id() + " was changed by another request; read it again and retry");
        }
    }

    private static App map(ResultSet r) throws SQLException {
        return new App(r.getString("id"), r.getString("slug"), r.getString("name"), r.getString("icon"), Sql.strings(r, "scopes"),
                r.getBoolean("marketplace"), r.getString("partner_team_id"),
                WireEnum.parse(Plan.class, r.getString("required_plan"), "requiredPlan"), r.getBoolean("available"), r.getBoolean("legacy"),
                Sql.millis(r, "created_at"), Sql.millis(r, "updated_at"));
    }
}
