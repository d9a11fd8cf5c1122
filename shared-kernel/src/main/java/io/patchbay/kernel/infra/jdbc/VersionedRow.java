package io.patchbay.kernel.infra.jdbc;

/** A persisted row whose {@code @Version} column is its optimistic lock; a new one is stored as version 1 ({@link FirstVersionIsOne}). */
public interface VersionedRow {
    long version();
}
