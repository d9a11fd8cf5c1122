package io.patchbay.config.adapter.in.web;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.patchbay.config.application.port.in.TeamSelector;
import io.patchbay.kernel.auth.NamedTeam;

/** The team a configuration request acts for: {@code teamId} or {@code slug} query parameters, else {@code X-Team-Id}. */
@Introspected
public record TeamParams(@Nullable @QueryValue String teamId, @Nullable @QueryValue String slug,
                         @Nullable @Header(io.patchbay.kernel.infra.web.request.NamedTeams.HEADER) String teamHeader) {
    /** Malformed values are 400 naming the parameter. */
    TeamSelector selector() {
        NamedTeam named = io.patchbay.kernel.infra.web.request.NamedTeams.named(IdKinds.TEAM, teamId, "teamId", teamHeader);
        return new TeamSelector(named.explicit(), IdKinds.TEAM_SLUG.optional(slug, "slug"), named.header());
    }
}
