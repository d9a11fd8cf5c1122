package io.patchbay.catalog.application;

import io.patchbay.catalog.application.port.in.ConnectorsUseCase;
import io.patchbay.catalog.application.port.out.BuiltInConnector;
import io.patchbay.catalog.application.port.out.ConnectorStore;
import io.patchbay.catalog.application.port.out.IntegrationStore;
import io.patchbay.catalog.domain.Connector;
import io.patchbay.catalog.domain.IntegrationRules;
import io.patchbay.catalog.domain.Tenant;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.auth.NamedTeam;
import io.patchbay.kernel.error.DomainException;
import io.patchbay.kernel.audit.AuditTrail;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Connectors: the built-in one (always CONNECTED, runs the discoveries of this deployment, cannot be deleted) and
 * connectors registered by PUT (DISCONNECTED: no remote agent runs here; integrations on them end in Error).
 */
@Singleton
public class ConnectorService implements ConnectorsUseCase {
    private final ConnectorStore store;
    private final IntegrationStore integrations;
    private final BuiltInConnector builtIn;
    private final AuditTrail audit;
    private final Clock clock;

    public ConnectorService(ConnectorStore store, IntegrationStore integrations, BuiltInConnector builtIn, AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.store = store;
        this.integrations = integrations;
        this.builtIn = builtIn;
        this.clock = clock;
    }

    @Override
    public List<Connector> list(Caller caller, NamedTeam team) {
        Tenant tenant = Tenants.resolve(caller, team);
        List<Connector> out = new ArrayList<>();
        out.add(builtIn(tenant));
        for (var r : store.list(tenant.teamId())) {
            if (!r.id().equals(builtIn.id())) {
                out.add(registered(r));
            }
        }
        return out;
    }

    @Override
    public Connector get(Caller caller, NamedTeam team, String id) {
        Tenant tenant = Tenants.resolve(caller, team);
        return find(tenant, id).orElseThrow(() -> new DomainException.NotFound("connector " + id));
    }

    @Override
    @Transactional
    public Connector upsert(Caller caller, NamedTeam team, String id, String name) {
        Tenant tenant = Tenants.manager(caller, team);
        if (!IntegrationRules.NAME.matcher(name).matches()) {
            throw new DomainException.InvalidValue("name", "must be 1 to 100 letters, digits, spaces, '-', '_' or '.'");
        }
        Optional<ConnectorStore.ConnectorRecord> before = store.find(tenant.teamId(), id);
        store.upsert(tenant.teamId(), id, name, tenant.userId(), clock.instant());
        audit.record(CatalogAudit.connector(before.isPresent() ? "updated" : "created", tenant.teamId(), id,
                before.map(ConnectorStore.ConnectorRecord::name).orElse(null), name));
        return find(tenant, id).orElseThrow();
    }

    @Override
    @Transactional
    public void delete(Caller caller, NamedTeam team, String id) {
        Tenant tenant = Tenants.manager(caller, team);
        if (id.equals(builtIn.id())) {
            throw new DomainException.Conflict("the built-in connector " + id + " cannot be deleted");
        }
        ConnectorStore.ConnectorRecord existing = store.find(tenant.teamId(), id).orElseThrow(() -> new DomainException.NotFound("connector " + id));
        if (integrations.anyUsesConnector(tenant.teamId(), id)) {
            throw new DomainException.Conflict("connector " + id + " is used by integrations; move or delete them first");
        }
        store.delete(tenant.teamId(), id);
        audit.record(CatalogAudit.connector("deleted", tenant.teamId(), id, existing.name(), null));
    }

    private Optional<Connector> find(Tenant tenant, String id) {
        if (id.equals(builtIn.id())) {
            return Optional.of(builtIn(tenant));
        }
        return store.find(tenant.teamId(), id).map(this::registered);
    }

    private Connector builtIn(Tenant tenant) {
        String name = store.find(tenant.teamId(), builtIn.id()).map(ConnectorStore.ConnectorRecord::name).orElse(builtIn.name());
        return new Connector(builtIn.id(), name, true, true, builtIn.version(), clock.instant());
    }

    private Connector registered(ConnectorStore.ConnectorRecord r) {
        return new Connector(r.id(), r.name(), false, false, builtIn.version(), null);
    }
}
