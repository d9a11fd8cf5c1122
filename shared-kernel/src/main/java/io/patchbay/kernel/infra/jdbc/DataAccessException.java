package io.patchbay.kernel.infra.jdbc;

/** A database failure seen through {@link Sql}. */
public class DataAccessException extends RuntimeException {
    public DataAccessException(String message, Throwable cause) {
        super(message, cause);
    }
}
