package io.patchbay.environment.adapter.out.persistence;

import io.patchbay.environment.application.port.out.TeamStore;
import io.patchbay.environment.domain.TeamProfile;
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
            + "created_at, updated_at, created_by, updated_by";
    private final Sql sql;

    TeamPersistenceAdapter(Sql sql) {
        this.sql = sql;
    }

    private static TeamProfile map(ResultSet r) throws SQLException {
        return new TeamProfile(r.getString("id"), r.getString("name"), r.getString("domain"), r.getString("logo"),
                r.getBoolean("is_verified"), r.getBoolean("is_white_label"), r.getString("tos_link"), r.getBoolean("allow_impersonation"),
                Sql.millis(r, "created_at"), Sql.millis(r, "updated_at"), r.getString("created_by"), r.getString("updated_by"));
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
        sql.update("INSERT INTO team_profile (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                        + "name = EXCLUDED.name, domain = EXCLUDED.domain, logo = EXCLUDED.logo, is_verified = EXCLUDED.is_verified, "
                        + "is_white_label = EXCLUDED.is_white_label, tos_link = EXCLUDED.tos_link, "
                        + "allow_impersonation = EXCLUDED.allow_impersonation, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by",
                values(p));
    }

    @Override
    public void ensure(TeamProfile blank) {
        sql.update("INSERT INTO team_profile (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                values(blank));
    }

    private static Object[] values(TeamProfile p) {
        return new Object[]{p.id(), p.name(), p.domain(), p.logo(), p.verified(), p.whiteLabel(), p.tosLink(), p.allowImpersonation(),
                Rows.instant(p.createdAt()), Rows.instant(p.updatedAt()), p.createdBy(), p.updatedBy()};
    }
}
