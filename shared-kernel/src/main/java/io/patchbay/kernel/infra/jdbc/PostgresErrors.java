package io.patchbay.kernel.infra.jdbc;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.jdbc.operations.SqlExceptionMapper;
import io.micronaut.data.model.query.builder.sql.Dialect;
import jakarta.inject.Singleton;

import java.sql.SQLException;

/**
 * What a PostgreSQL error means to a service, decided once for every repository (Micronaut Data consults this mapper
 * for each failed statement) and for the kernel's own statements: a unique violation is a {@link DuplicateKeyException}
 * (services answer 409); text PostgreSQL cannot store (a NUL character, SQLSTATE 22021; an unpaired surrogate or other
 * untranslatable character, 22P05) is an {@link UnstorableTextException}, the caller's 400.
 */
@Singleton
public class PostgresErrors implements SqlExceptionMapper {
    static final String UNIQUE_VIOLATION = "23505";
    static final String CHARACTER_NOT_IN_REPERTOIRE = "22021";
    static final String UNTRANSLATABLE_CHARACTER = "22P05";

    @Override
    public Dialect getDialect() {
        return Dialect.POSTGRES;
    }

    @Override
    public DataAccessException mapSqlException(SQLException e) {
        return map(e);
    }

    /** The meaningful exception for {@code e}, or null when it means nothing more than "the database failed". */
    public static DataAccessException map(SQLException e) {
        String state = e.getSQLState();
        if (UNIQUE_VIOLATION.equals(state)) {
            return new DuplicateKeyException(e.getMessage(), e);
        }
        if (CHARACTER_NOT_IN_REPERTOIRE.equals(state) || UNTRANSLATABLE_CHARACTER.equals(state)) {
            return new UnstorableTextException(e);
        }
        return null;
    }

    /** True when {@code e} or one of its causes is a unique violation. */
    public static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DuplicateKeyException || t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
