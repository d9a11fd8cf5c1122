package io.patchbay.environment.application.port.in;

/** Fields of PUT /team/{id}; null keeps the stored value. */
public record UpdateTeamCommand(String name, String domain, String logo, Boolean verified, Boolean whiteLabel, String tosLink,
                  Boolean allowImpersonation) {
}
