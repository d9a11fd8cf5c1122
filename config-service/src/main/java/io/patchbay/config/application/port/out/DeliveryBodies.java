package io.patchbay.config.application.port.out;

import io.patchbay.config.domain.Configuration;
import io.patchbay.config.domain.WebhookEvent;

/** The body of a delivery in the wire format receivers get (Vercel's event envelope around the configuration). */
public interface DeliveryBodies {
    String render(String eventId, WebhookEvent type, long createdAt, Configuration configuration);
}
