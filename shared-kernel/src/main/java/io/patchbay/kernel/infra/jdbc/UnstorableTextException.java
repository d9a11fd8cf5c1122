package io.patchbay.kernel.infra.jdbc;

import io.micronaut.data.exceptions.DataAccessException;

/**
 * Text from a caller that PostgreSQL cannot store (a NUL character, an unpaired surrogate). The caller's error: the
 * kernel's web layer answers 400. See {@link PostgresErrors}.
 */
public class UnstorableTextException extends DataAccessException {
    public UnstorableTextException(Throwable cause) {
        super("text must not contain NUL (\\u0000) characters or unpaired surrogates", cause);
    }
}
