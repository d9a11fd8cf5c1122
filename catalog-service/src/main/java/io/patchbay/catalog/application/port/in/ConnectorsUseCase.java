package io.patchbay.catalog.application.port.in;

import io.patchbay.catalog.domain.Connector;
import io.patchbay.kernel.auth.Caller;

import java.util.List;

/** The connectors the acting team sees: the built-in one and any registered by name. */
public interface ConnectorsUseCase {
    List<Connector> list(Caller caller, String teamHeader);

    Connector get(Caller caller, String teamHeader, String id);

    Connector upsert(Caller caller, String teamHeader, String id, String name);

    void delete(Caller caller, String teamHeader, String id);
}
