package io.patchbay.oauth.adapter.out.persistence;

import io.patchbay.kernel.infra.jdbc.Sql;
import io.patchbay.oauth.application.port.out.AssociationStore;
import io.patchbay.oauth.domain.Association;
import io.patchbay.oauth.domain.AuthType;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Singleton
class AssociationPersistenceAdapter implements AssociationStore {
    private static final String SELECT = "SELECT a.content_guid, i.guid, i.name, i.description, i.template, i.auth_type, a.created_time "
            + "FROM content_association a JOIN oauth_integration i ON i.id = a.integration_id ";

    private final Sql sql;

    AssociationPersistenceAdapter(Sql sql) {
        this.sql = sql;
    }

    @Override
    public List<Association> forContent(String teamId, UUID contentGuid) {
        return sql.list(SELECT + "WHERE a.team_id = ? AND a.content_guid = ? ORDER BY a.created_time, i.id", AssociationPersistenceAdapter::map,
                teamId, contentGuid);
    }

    @Override
    public List<Association> forIntegration(long integrationId) {
        return sql.list(SELECT + "WHERE a.integration_id = ? ORDER BY a.created_time, a.content_guid", AssociationPersistenceAdapter::map,
                integrationId);
    }

    @Override
    public void replace(String teamId, UUID contentGuid, List<Long> integrationIds, Instant now, String by) {
        Long[] ids = integrationIds.toArray(Long[]::new);
        sql.update("DELETE FROM content_association WHERE team_id = ? AND content_guid = ? AND NOT (integration_id = ANY (?))",
                teamId, contentGuid, ids);
        sql.batch("INSERT INTO content_association (team_id, content_guid, integration_id, created_time, created_by) VALUES (?, ?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING", integrationIds.stream().map(id -> new Object[]{teamId, contentGuid, id, now, by}).toList());
    }

    private static Association map(ResultSet r) throws SQLException {
        return new Association(r.getObject(1, UUID.class), r.getObject(2, UUID.class), r.getString(3), r.getString(4), r.getString(5),
                AuthType.fromWire(r.getString(6)).orElseThrow(), r.getTimestamp(7).toInstant());
    }
}
