package io.patchbay.environment.domain;

/**
 * The profile of a team (the identity system's team id), embedded in integrations. {@code version} 0 is a profile nobody
 * stored yet; a stored one starts at 1 and every change adds one.
 */
public record TeamProfile(String id, String name, String domain, String logo, boolean verified, boolean whiteLabel, String tosLink,
                          boolean allowImpersonation, long version, long createdAt, long updatedAt, String createdBy, String updatedBy) {

    /** The profile a team has before anyone described it: its id and defaults (not stored: version 0). */
    public static TeamProfile blank(String teamId, long now, String by) {
        return new TeamProfile(teamId, null, null, null, false, false, null, false, 0, now, now, by, by);
    }

    /** The next version of this profile: {@code null} arguments keep the current value. */
    public TeamProfile changed(String newName, String newDomain, String newLogo, Boolean newVerified, Boolean newWhiteLabel, String newTosLink,
                               Boolean newAllowImpersonation, long now, String by) {
        return new TeamProfile(id, newName == null ? name : newName, newDomain == null ? domain : newDomain, newLogo == null ? logo : newLogo,
                newVerified == null ? verified : newVerified, newWhiteLabel == null ? whiteLabel : newWhiteLabel,
                newTosLink == null ? tosLink : newTosLink, newAllowImpersonation == null ? allowImpersonation : newAllowImpersonation,
                version + 1, createdAt, now, createdBy, by);
    }
}
