package io.patchbay.catalog.adapter.out.persistence;

import io.patchbay.catalog.application.port.out.ConnectorStore;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@Singleton
class ConnectorPersistenceAdapter implements ConnectorStore {
    private final ConnectorRepository connectors;

    ConnectorPersistenceAdapter(ConnectorRepository connectors) {
        this.connectors = connectors;
    }

    @Override
    public List<ConnectorRecord> list(String teamId) {
        return connectors.findByPkTeamIdOrderByPkId(teamId).stream().map(ConnectorPersistenceAdapter::record).toList();
    }

    @Override
    public Optional<ConnectorRecord> find(String teamId, String id) {
        return connectors.findById(new ConnectorRow.Pk(teamId, id)).map(ConnectorPersistenceAdapter::record);
    }

    @Override
    public void upsert(String teamId, String id, String name, String by, Instant now) {
        connectors.upsert(teamId, id, name, by, now);
    }

    @Override
    public void delete(String teamId, String id) {
        connectors.deleteById(new ConnectorRow.Pk(teamId, id));
    }

    private static ConnectorRecord record(ConnectorRow row) {
        return new ConnectorRecord(row.pk().id(), row.name());
    }
}
