package io.patchbay.oauth.adapter.out.persistence;

import io.micronaut.data.exceptions.DataAccessException;
import io.patchbay.kernel.infra.jdbc.DuplicateKeyException;
import io.patchbay.kernel.infra.jdbc.UnstorableTextException;

import java.util.function.Supplier;

/**
 * Micronaut Data wraps whatever fails while it saves or updates an entity in a plain {@link DataAccessException} ("Error
 * executing PERSIST"), with the kernel's meaningful exception ({@link DuplicateKeyException}, {@link UnstorableTextException},
 * as {@code PostgresErrors} mapped it) as the cause. The adapters throw that one, as they did before, so the API still
 * answers 409 / 400 instead of 500.
 */
final class PersistenceErrors {
    private PersistenceErrors() {
    }

    static <T> T unwrapped(Supplier<T> write) {
        try {
            return write.get();
        } catch (DataAccessException e) {
            for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
                if (t instanceof DuplicateKeyException || t instanceof UnstorableTextException) {
                    throw (DataAccessException) t;
                }
            }
            throw e;
        }
    }
}
