package io.patchbay.config.application.port.in;

import io.patchbay.config.domain.Delivery;
import io.patchbay.config.domain.Webhook;
import io.patchbay.kernel.auth.Caller;

import java.util.List;

/** Webhooks an owner registers to hear about its configurations, their delivery log and redelivery. */
public interface WebhooksUseCase {
    /** The new webhook with its secret: the only time the secret is handed out. */
    CreatedWebhook create(CreateWebhookCommand command);

    List<Webhook> list(Caller caller, TeamSelector team, String projectId);

    Webhook get(Caller caller, TeamSelector team, String id);

    void delete(Caller caller, TeamSelector team, String id);

    DeliveryLog deliveries(Caller caller, TeamSelector team, String webhookId, int limit, Long beforeSeq);

    /** Sends the delivery again now (same delivery id). */
    Delivery redeliver(Caller caller, TeamSelector team, String webhookId, String deliveryId);
}
