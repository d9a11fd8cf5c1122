package io.patchbay.config.adapter.out.persistence;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Sort;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.patchbay.kernel.infra.jdbc.PostgresErrorMeaning;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Webhooks: derived operations only. */
@JdbcRepository(dialect = Dialect.POSTGRES)
@PostgresErrorMeaning
interface WebhookRepository extends GenericRepository<WebhookRow, String> {
    Optional<WebhookRow> findById(String id);

    List<WebhookRow> findByOwnerId(String ownerId, Sort sort);

    List<WebhookRow> findByOwnerIdIn(Collection<String> ownerIds);

    WebhookRow save(WebhookRow row);

    void deleteById(String id);
}
