package io.patchbay.environment.adapter.out.persistence;

import io.patchbay.environment.application.port.out.TeamStore;
import io.patchbay.environment.domain.TeamProfile;
import io.patchbay.kernel.error.Problems;
import io.patchbay.kernel.infra.jdbc.Sql;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@Singleton
class TeamPersistenceAdapter implements TeamStore {
    private static final String COLUMNS = "id, name, domain, logo, is_verified, is_white_label, tos_link, allow_impersonation, "
            + "version, created_at, updated_at, created_by, updated_by";
    private static final String INSERT = "INSERT INTO team_profile (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (id) DO NOTHING";
    private final Sql sql;

    TeamPersistenceAdapter(Sql sql) {
        this.sql = sql;
    }

    private static TeamProfile map(ResultSet r) throws SQLException {
        return new TeamProfile(r.getString("id"), r.getString("name"), r.getString("domain"), r.getString("logo"),
                r.getBoolean("is_verified"), r.getBoolean("is_white_label"), r.getString("tos_link"), r.getBoolean("allow_impersonation"),
                r.getLong("version"), Sql.millis(r, "created_at"), Sql.millis(r, "updated_at"), r.getString("created_by"), r.getString("updated_by"));
    }

    @Override
    public Optional<TeamProfile> find(String teamId) {
        return sql.one("SELECT " + COLUMNS + " FROM team_profile WHERE id = ?", TeamPersistenceAdapter::map, teamId);
    }

    @Override
    public List<TeamProfile> findAll(Collection<String> teamIds) {
        if (teamIds.isEmpty()) {
            return List.of();
        }
        return sql.list("SELECT " + COLUMNS + " FROM team_profile WHERE id = ANY(?)", TeamPersistenceAdapter::map, teamIds);
    }

    @Override
    public void save(TeamProfile p) {
        int saved = p.version() == 1 ? sql.update(INSERT, values(p))
                : sql.update("UPDATE team_profile SET name = ?, domain = ?, logo = ?, is_verified = ?, is_white_label = ?, tos_link = ?, "
                        + "allow_impersonation = ?, version = ?, updated_at = ?, updated_by = ? WHERE id = ? AND version = ?", p.name(),
                p.domain(), p.logo(), p.verified(), p.whiteLabel(), p.tosLink(), p.allowImpersonation(), p.version(),
                Rows.instant(p.updatedAt()), p.updatedBy(), p.id(), p.version() - 1);
        if (saved != 1) {
            throw Problems.conflict("the profile of team " + p.id() + " was changed by another request; read it again and retry");
        }
    }

    @Override
    public void ensure(TeamProfile blank) {
        sql.update(INSERT, values(new TeamProfile(blank.id(), blank.name(), blank.domain(), blank.logo(), blank.verified(), blank.whiteLabel(),
                blank.tosLink(), blank.allowImpersonation(), 1, blank.createdAt(), blank.updatedAt(), blank.createdBy(), blank.updatedBy())));
    }

    private static Object[] values(TeamProfile p) {
        return new Object[]{p.id(), p.name(), p.domain(), p.logo(), p.verified(), p.whiteLabel(), p.tosLink(), p.allowImpersonation(),
                p.version(), Rows.instant(p.createdAt()), Rows.instant(p.updatedAt()), p.createdBy(), p.updatedBy()};
    }
}
