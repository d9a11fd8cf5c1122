package io.patchbay.catalog.adapter.out.persistence;

import io.patchbay.kernel.infra.jdbc.PostgresErrorMeaning;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

@PostgresErrorMeaning
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ResourceTagRepository extends GenericRepository<ResourceTagRow, ResourceTagRow.Pk> {
    List<ResourceTagRow> findByPkResourceIdOrderByPkKey(String resourceId);

    void deleteByPkResourceId(String resourceId);

    /** One JDBC batch. */
    List<ResourceTagRow> saveAll(List<ResourceTagRow> rows);
}
