package io.patchbay.config.application;

import io.patchbay.kernel.error.DomainException;
import io.patchbay.config.application.port.in.TeamSelector;
import io.patchbay.config.application.port.out.MembershipStore;
import io.patchbay.config.domain.Team;
import io.patchbay.kernel.auth.ActingTeam;
import io.patchbay.kernel.auth.Caller;
import jakarta.inject.Singleton;

import java.util.Optional;

/** Resolves {@code teamId}/{@code slug}/{@code X-Team-Id} to the team a request acts for (403 for a team the caller is not in). */
@Singleton
public class TeamResolver {
    private final MembershipStore memberships;

    public TeamResolver(MembershipStore memberships) {
        this.memberships = memberships;
    }

    /** The team the request names, if it names one. */
    public Optional<String> named(Caller caller, TeamSelector selector) {
        String fromSlug = null;
        if (selector.slug() != null) {
            fromSlug = memberships.findTeamBySlug(selector.slug()).map(Team::id)
                    .orElseThrow(() -> new DomainException.NotPermitted("you are not a member of team " + selector.slug()));
            if (selector.teamId() != null && !selector.teamId().equals(fromSlug)) {
                throw new DomainException.InvalidValue("slug", "names another team than teamId");
            }
        }
        String explicit = selector.teamId() != null ? selector.teamId() : fromSlug;
        if (explicit == null && selector.header() == null) {
            return Optional.empty();
        }
        return ActingTeam.resolve(caller, explicit, selector.header());
    }

    /** The acting team: the named one, else the caller's only team; empty means the caller's personal account. */
    public Optional<String> acting(Caller caller, TeamSelector selector) {
        Optional<String> named = named(caller, selector);
        return named.isPresent() ? named : ActingTeam.resolve(caller, null, null);
    }
}
