package io.patchbay.config.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/** One entry of a webhook's delivery log (ours: Vercel has no such endpoint). The body is not repeated here. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeliveryResponse(String id, String webhookId, String eventId, String type, String configurationId, String state, int attempts,
                               Integer lastStatusCode, Long lastDurationMs, String lastError, Long nextAttemptAt, long createdAt,
                               Long deliveredAt) {
}
