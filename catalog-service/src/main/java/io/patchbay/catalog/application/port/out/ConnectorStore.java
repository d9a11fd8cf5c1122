package io.patchbay.catalog.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Connector records of a tenant (names; the built-in connector's record only holds a renamed name). */
public interface ConnectorStore {
    record ConnectorRecord(String id, String name) {
    }

    List<ConnectorRecord> list(String teamId);

    Optional<ConnectorRecord> find(String teamId, String id);

    void upsert(String teamId, String id, String name, String by, Instant now);

    void delete(String teamId, String id);
}
