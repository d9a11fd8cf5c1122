package io.patchbay.kernel.infra.jdbc;

/** A unique constraint said no: the write lost a race or repeats a unique value. */
public class DuplicateKeyException extends DataAccessException {
    public DuplicateKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
