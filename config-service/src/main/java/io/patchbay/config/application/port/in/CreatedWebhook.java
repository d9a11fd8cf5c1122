package io.patchbay.config.application.port.in;

import io.patchbay.config.domain.Webhook;

/** A webhook just registered, with the secret its deliveries are signed with. */
public record CreatedWebhook(Webhook webhook, String secret) {
}
