package io.patchbay.config.application.port.out;

import io.patchbay.config.domain.Configuration;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Loads and saves configurations. */
public interface ConfigurationStore {
    /** Any configuration with this id, deleted ones included. */
    Optional<Configuration> find(String id);

    void insert(Configuration configuration);

    /**
     * Saves a changed configuration if nobody changed it since it was loaded ({@code version - 1} in the database);
     * otherwise a 409 conflict.
     */
    void update(Configuration configuration);

    /** Saves many changed configurations loaded by {@link #forEachLockedChunk}. */
    void updateAll(List<Configuration> configurations);

    /**
     * Hands the matching configurations to {@code chunk}, at most {@code chunkSize} at a time, each locked until the
     * transaction ends: bounded memory whatever the number of matches.
     */
    void forEachLockedChunk(BulkSelection selection, int chunkSize, Consumer<List<Configuration>> chunk);

    ConfigurationPage list(ConfigurationListQuery query);
}
