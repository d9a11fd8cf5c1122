package io.patchbay.kernel.infra.jdbc;

import io.micronaut.data.exceptions.DataAccessException;

/** A unique constraint said no: the write lost a race or repeats a unique value. See {@link PostgresErrors}. */
public class DuplicateKeyException extends DataAccessException {
    public DuplicateKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
