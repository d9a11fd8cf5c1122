package io.patchbay.config.adapter.out.persistence;

import io.micronaut.data.exceptions.DataAccessException;
import io.patchbay.kernel.infra.jdbc.DuplicateKeyException;
import io.patchbay.kernel.infra.jdbc.PostgresErrors;
import io.patchbay.kernel.infra.jdbc.UnstorableTextException;

import java.sql.SQLException;

/**
 * What a failed repository call means. The kernel's PostgresErrors decides it, but Micronaut Data wraps what it made of a
 * save or an update in a plain {@link DataAccessException} ("Error executing PERSIST: …"), and does not consult it for
 * a query at all; this finds the meaning again: a {@link DuplicateKeyException} (the adapter's 409) or an
 * {@link UnstorableTextException} (the kernel answers 400). Anything else is {@code e} itself.
 */
final class DataErrors {
    private DataErrors() {
    }

    static DataAccessException meaning(DataAccessException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DuplicateKeyException || t instanceof UnstorableTextException) {
                return (DataAccessException) t;
            }
            if (t instanceof SQLException sql) {
                DataAccessException mapped = PostgresErrors.map(sql);
                return mapped != null ? mapped : e;
            }
        }
        return e;
    }
}
