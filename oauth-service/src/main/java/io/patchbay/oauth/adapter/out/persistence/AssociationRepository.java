package io.patchbay.oauth.adapter.out.persistence;

import io.patchbay.kernel.infra.jdbc.PostgresErrorMeaning;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@PostgresErrorMeaning
@JdbcRepository(dialect = Dialect.POSTGRES)
interface AssociationRepository extends GenericRepository<AssociationRow, AssociationRow.Key> {
    /** How many content items each integration is associated with. */
    @Introspected
    record ContentCount(long integrationId, long contents) {
    }

    /** A content item's associations (primary key prefix), oldest first. */
    List<AssociationRow> findByIdTeamIdAndIdContentGuidOrderByCreatedTimeAndIdIntegrationId(String teamId, UUID contentGuid);

    /** An integration's associations (content_association_integration), oldest first. */
    List<AssociationRow> findByIdIntegrationIdOrderByCreatedTimeAndIdContentGuid(long integrationId);

    int deleteByIdTeamIdAndIdContentGuid(String teamId, UUID contentGuid);

    int deleteByIdTeamIdAndIdContentGuidAndIdIntegrationIdNotIn(String teamId, UUID contentGuid, Collection<Long> kept);

    /** Adds the associations the content does not have yet; existing ones keep their created_time. */
    @Query("INSERT INTO content_association (team_id, content_guid, integration_id, created_time, created_by) "
            + "SELECT :teamId, :contentGuid, unnest(:integrationIds), :createdTime, :createdBy ON CONFLICT DO NOTHING")
    void addMissing(String teamId, UUID contentGuid, Long[] integrationIds, Instant createdTime, String createdBy);

    @Query("SELECT integration_id, count(*) AS contents FROM content_association WHERE integration_id = ANY (:integrationIds) "
            + "GROUP BY integration_id")
    List<ContentCount> countByIntegration(Long[] integrationIds);
}
