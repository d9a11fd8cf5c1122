package io.patchbay.config.application.port.in;

import io.patchbay.config.domain.WebhookEvent;
import io.patchbay.kernel.auth.Caller;

import java.util.List;

/** Register a webhook for the acting user or team; {@code projectIds} null or empty: every configuration of the owner. */
public record CreateWebhookCommand(Caller caller, TeamSelector team, String url, List<WebhookEvent> events, List<String> projectIds) {
}
