package io.patchbay.catalog.application.port.in;

import io.patchbay.catalog.domain.Connector;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.auth.NamedTeam;

import java.util.List;

/** The connectors the acting team sees: the built-in one and any registered by name. */
public interface ConnectorsUseCase {
    List<Connector> list(Caller caller, NamedTeam team);

    Connector get(Caller caller, NamedTeam team, String id);

    Connector upsert(Caller caller, NamedTeam team, String id, String name);

    void delete(Caller caller, NamedTeam team, String id);
}
