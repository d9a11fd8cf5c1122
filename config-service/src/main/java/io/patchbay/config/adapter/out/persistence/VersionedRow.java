package io.patchbay.config.adapter.out.persistence;

/** A row whose {@code @Version} column is its optimistic lock; new rows are stored as version 1 ({@link FirstVersionIsOne}). */
interface VersionedRow {
    long version();
}
