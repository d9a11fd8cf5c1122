package io.patchbay.catalog.application;

import io.patchbay.catalog.domain.AponoRole;
import io.patchbay.catalog.domain.Tenant;
import io.patchbay.kernel.auth.ActingTeam;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.error.Problems;

/** The acting team (X-Team-Id or the caller's only team) and the caller's Apono role in it; platform admins are Admin. */
final class Tenants {
    static final String TEAM_HEADER = "X-Team-Id";

    private Tenants() {
    }

    static Tenant resolve(Caller caller, String teamHeader) {
        String team = ActingTeam.require(caller, null, teamHeader, TEAM_HEADER);
        AponoRole role = caller.isAdmin() ? AponoRole.ADMIN : AponoRole.of(caller.roleIn(team).orElseThrow());
        return new Tenant(team, caller.userId(), role);
    }

    static Tenant manager(Caller caller, String teamHeader) {
        Tenant tenant = resolve(caller, teamHeader);
        if (!tenant.role().mayManageIntegrations()) {
            throw Problems.forbidden("the Viewer role (team role BILLING or VIEWER) may only read integrations");
        }
        return tenant;
    }
}
