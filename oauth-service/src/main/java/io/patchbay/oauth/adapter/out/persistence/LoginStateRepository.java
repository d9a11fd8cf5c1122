package io.patchbay.oauth.adapter.out.persistence;

import io.patchbay.kernel.infra.jdbc.PostgresErrorMeaning;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;

@PostgresErrorMeaning
@JdbcRepository(dialect = Dialect.POSTGRES)
interface LoginStateRepository extends GenericRepository<LoginStateRow, String> {
    LoginStateRow save(LoginStateRow row);

    /** Deletes the login and returns what it was (no row, or one), in one statement: of two callbacks with one state, only one gets it. */
    List<LoginStateRow> deleteReturning(String stateHash);

    /** Served by oauth_login_state_expiry. */
    int deleteByExpiresAtLessThan(Instant now);
}
