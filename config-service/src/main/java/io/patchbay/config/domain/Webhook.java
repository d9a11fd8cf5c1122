package io.patchbay.config.domain;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A webhook an owner (a user, or a team) registered: where to send which events of the owner's configurations, optionally
 * only for configurations with access to one of {@code projectIds}. Its signing secret is kept apart (never in this
 * record, so it cannot end up in a response by accident).
 */
public record Webhook(String id, String ownerId, String teamId, String url, Set<WebhookEvent> events, List<String> projectIds,
                      long createdAt, long updatedAt) {
    public static final String ID_PREFIX = "hook_";
    /** Vercel's secrets are 24 characters and more. */
    public static final int SECRET_LENGTH = 32;

    public Webhook {
        Objects.requireNonNull(id);
        Objects.requireNonNull(ownerId);
        Objects.requireNonNull(url);
        events = Set.copyOf(events);
        projectIds = projectIds == null || projectIds.isEmpty() ? null : List.copyOf(projectIds);
    }

    public boolean isTeamWebhook() {
        return teamId != null;
    }

    /** Whether this webhook is told about {@code event} on {@code c} (the caller has matched the owner). */
    public boolean receives(WebhookEvent event, Configuration c) {
        if (!events.contains(event)) {
            return false;
        }
        if (projectIds == null || c.projectSelection() == ProjectSelection.ALL) {
            return true;
        }
        return c.projects() != null && c.projects().stream().anyMatch(projectIds::contains);
    }
}
