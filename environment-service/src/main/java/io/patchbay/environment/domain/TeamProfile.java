package io.patchbay.environment.domain;

/** The profile of a team (the identity system's team id), embedded in integrations. */
public record TeamProfile(String id, String name, String domain, String logo, boolean verified, boolean whiteLabel, String tosLink,
                          boolean allowImpersonation, long createdAt, long updatedAt, String createdBy, String updatedBy) {

    /** The profile a team has before anyone described it: its id and defaults. */
    public static TeamProfile blank(String teamId, long now, String by) {
        return new TeamProfile(teamId, null, null, null, false, false, null, false, now, now, by, by);
    }
}
