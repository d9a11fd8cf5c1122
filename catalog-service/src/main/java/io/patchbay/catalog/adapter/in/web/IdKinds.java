package io.patchbay.catalog.adapter.in.web;

import io.patchbay.catalog.domain.Integration;
import io.patchbay.catalog.domain.Resource;
import io.patchbay.kernel.auth.NamedTeam;
import io.patchbay.kernel.infra.web.request.IdKind;
import io.patchbay.kernel.infra.web.request.Limit;
import io.patchbay.kernel.infra.web.request.NamedTeams;

/** What catalog-service's paths, queries and headers carry besides bodies, checked by the kernel's request toolkit. */
final class IdKinds {
    static final IdKind INTEGRATION = IdKind.prefixed(Integration.ID_PREFIX, 24, "an integration id");
    static final IdKind RESOURCE = IdKind.prefixed(Resource.ID_PREFIX, 24, "a resource id");
    static final IdKind CONNECTOR = IdKind.of("[A-Za-z0-9][A-Za-z0-9._-]{0,63}", "a connector id (1 to 64 letters, digits, '.', '_' or '-')");
    static final IdKind TYPE = IdKind.of("[a-z0-9][a-z0-9_-]{0,63}", "an integration type (lower-case letters, digits, '-' or '_')");
    static final Limit LIMIT = new Limit(100, 1000);

    private IdKinds() {
    }

    /** The team the X-Team-Id header names; a blank one names no team. */
    static NamedTeam team(String header) {
        return NamedTeams.headerOrBlank(IdKind.TEAM, header);
    }
}
