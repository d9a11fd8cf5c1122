package io.patchbay.config.domain;

import io.patchbay.kernel.auth.Caller;

/**
 * Who may see and change a configuration: its owner user, the members (read) and managers (write) of its owning team,
 * and platform admins.
 */
public final class ConfigurationAccess {
    private ConfigurationAccess() {
    }

    public static boolean canRead(Caller caller, Configuration c) {
        if (caller.isAdmin()) {
            return true;
        }
        return c.isTeamInstall() ? caller.isMemberOf(c.teamId()) : c.ownerId().equals(caller.userId());
    }

    public static boolean canManage(Caller caller, Configuration c) {
        return caller.isAdmin() || isOwnerOrTeamManager(caller, c);
    }

    /** Manages it as its owner user or a manager of its team, whether or not the caller is also an admin. */
    public static boolean isOwnerOrTeamManager(Caller caller, Configuration c) {
        return c.isTeamInstall() ? caller.managesTeam(c.teamId()) : c.ownerId().equals(caller.userId());
    }
}
