package io.patchbay.config.application.port.in;

/**
 * How a request names the team it acts for: {@code teamId} or {@code slug} query parameters, else the
 * {@code X-Team-Id} header. All may be null.
 */
public record TeamSelector(String teamId, String slug, String header) {
    public static final TeamSelector NONE = new TeamSelector(null, null, null);
}
