package io.patchbay.kernel.infra.web.request;

import io.patchbay.kernel.auth.NamedTeam;

/** The team a request names: an explicit parameter (query or body) and the {@code X-Team-Id} header, each checked for shape. */
public final class NamedTeams {
    public static final String HEADER = "X-Team-Id";

    private NamedTeams() {
    }

    /**
     * The named team with ids of {@code kind}: null is absent; a malformed value (a blank one too) is 400 naming
     * its parameter ({@code explicitField}, or {@code X-Team-Id}).
     */
    public static NamedTeam named(IdKind kind, String explicit, String explicitField, String header) {
        return new NamedTeam(kind.optional(explicit, explicitField), kind.optional(header, HEADER));
    }

    /** Only the {@code X-Team-Id} header names the team. */
    public static NamedTeam header(IdKind kind, String header) {
        return named(kind, null, null, header);
    }

    /** Only the {@code X-Team-Id} header names the team, and a blank header names none. */
    public static NamedTeam headerOrBlank(IdKind kind, String header) {
        return header == null || header.isBlank() ? NamedTeam.NONE : header(kind, header);
    }
}
