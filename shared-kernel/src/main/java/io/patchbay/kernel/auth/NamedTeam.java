package io.patchbay.kernel.auth;

/**
 * The team a request names, already checked for shape at the edge: an explicit parameter (query or body) and the
 * {@code X-Team-Id} header; either or both may be absent (null). {@link ActingTeam} turns it into the acting team.
 */
public record NamedTeam(String explicit, String header) {
    /** No team named: the caller's only team, or none. */
    public static final NamedTeam NONE = new NamedTeam(null, null);

    public static NamedTeam header(String header) {
        return new NamedTeam(null, header);
    }

    public boolean isNone() {
        return explicit == null && header == null;
    }
}
