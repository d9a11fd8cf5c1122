package io.patchbay.kernel.auth;

import io.patchbay.kernel.error.Problems;

import java.util.Optional;

/**
 * The team a request acts for: the explicit team parameter, else the {@code X-Team-Id} header, else the caller's
 * only team. Naming a team the caller is not in is 403 (admins may name any team).
 */
public final class ActingTeam {
    private ActingTeam() {
    }

    /** The acting team, if any; empty means "personal" (no team named and the caller is in none or several). */
    public static Optional<String> resolve(Caller caller, String explicitTeam, String headerTeam) {
        String named = firstNonBlank(explicitTeam, headerTeam);
        if (named != null) {
            if (!caller.isMemberOf(named) && !caller.isAdmin()) {
                throw Problems.forbidden("you are not a member of team " + named);
            }
            return Optional.of(named);
        }
        return caller.teams().size() == 1 ? Optional.of(caller.teams().getFirst().teamId()) : Optional.empty();
    }

    /** For creating things that must belong to a team: several teams and none named is 400. */
    public static String require(Caller caller, String explicitTeam, String headerTeam, String field) {
        return resolve(caller, explicitTeam, headerTeam).orElseThrow(() -> caller.teams().isEmpty()
                ? Problems.validation(field, "the caller belongs to no team")
                : Problems.validation(field, "the caller belongs to several teams: name one"));
    }

    /** {@link #resolve(Caller, String, String)} for the team a request names. */
    public static Optional<String> resolve(Caller caller, NamedTeam named) {
        return resolve(caller, named.explicit(), named.header());
    }

    /** {@link #require(Caller, String, String, String)} for the team a request names. */
    public static String require(Caller caller, NamedTeam named, String field) {
        return require(caller, named.explicit(), named.header(), field);
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b != null && !b.isBlank() ? b : null;
    }
}
