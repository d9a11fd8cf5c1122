package io.patchbay.environment.adapter.out.persistence;

/** A row with a {@code @Version} column; new ones are stored as version 1 (see {@link FirstVersionIsOne}). */
interface VersionedRow {
    long version();
}
