package io.patchbay.environment.adapter.out.persistence;

import io.patchbay.kernel.infra.jdbc.PostgresErrorMeaning;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

@PostgresErrorMeaning
@JdbcRepository(dialect = Dialect.POSTGRES)
interface TeamProfileRepository extends CrudRepository<TeamProfileRow, String> {

    List<TeamProfileRow> findByIdIn(Collection<String> ids);

    /** Inserts the profile unless the team has one; 1 when inserted, 0 when a profile was there (or another request won). */
    @Query("""
            INSERT INTO team_profile (id, name, domain, logo, is_verified, is_white_label, tos_link, allow_impersonation, version,
                                      created_at, updated_at, created_by, updated_by)
            VALUES (:id, :name, :domain, :logo, :verified, :whiteLabel, :tosLink, :allowImpersonation, :firstVersion,
                    :createdAt, :updatedAt, :createdBy, :updatedBy)
            ON CONFLICT (id) DO NOTHING""")
    int insertIfAbsent(String id, @Nullable String name, @Nullable String domain, @Nullable String logo, boolean verified,
                       boolean whiteLabel, @Nullable String tosLink, boolean allowImpersonation, long firstVersion, Instant createdAt,
                       Instant updatedAt, String createdBy, String updatedBy);
}
