package io.patchbay.config.adapter.out.persistence;

import io.patchbay.kernel.infra.jdbc.PostgresErrorMeaning;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The app registry: derived operations only. */
@JdbcRepository(dialect = Dialect.POSTGRES)
@PostgresErrorMeaning
interface AppRepository extends GenericRepository<AppRow, String> {
    Optional<AppRow> findById(String id);

    /** An app id has a prefix with '_', which no slug may contain: at most one row matches. */
    Optional<AppRow> findByIdOrSlug(String id, String slug);

    List<AppRow> findByIdIn(Collection<String> ids);

    List<AppRow> listOrderBySlug();

    AppRow save(AppRow row);

    AppRow update(AppRow row);
}
