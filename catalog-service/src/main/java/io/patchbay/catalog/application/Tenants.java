package io.patchbay.catalog.application;

import io.patchbay.catalog.domain.AponoRole;
import io.patchbay.catalog.domain.Tenant;
import io.patchbay.kernel.auth.ActingTeam;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.auth.NamedTeam;
import io.patchbay.kernel.error.DomainException;

/** The acting team (X-Team-Id or the caller's only team) and the caller's Apono role in it; platform admins are Admin. */
final class Tenants {
    static final String TEAM_HEADER = "X-Team-Id";

    private Tenants() {
    }

    static Tenant resolve(Caller caller, NamedTeam named) {
        String team = ActingTeam.require(caller, named, TEAM_HEADER);
        AponoRole role = caller.isAdmin() ? AponoRole.ADMIN : AponoRole.of(caller.roleIn(team).orElseThrow());
        return new Tenant(team, caller.userId(), role);
    }

    static Tenant manager(Caller caller, NamedTeam named) {
        Tenant tenant = resolve(caller, named);
        if (!tenant.role().mayManageIntegrations()) {
            throw new DomainException.NotPermitted("the Viewer role (team role BILLING or VIEWER) may only read integrations");
        }
        return tenant;
    }
}
