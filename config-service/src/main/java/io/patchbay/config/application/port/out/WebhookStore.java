package io.patchbay.config.application.port.out;

import io.patchbay.config.domain.Webhook;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Registered webhooks and their signing secrets (kept encrypted at rest by the adapter). */
public interface WebhookStore {
    void insert(Webhook webhook, String secret, String actor);

    Optional<Webhook> find(String id);

    /** The owner's webhooks, newest first; with {@code projectId}, only those naming that project. */
    List<Webhook> listByOwner(String ownerId, String projectId);

    /** The webhooks of any of these owners (to route a change's events). */
    List<Webhook> ofOwners(Collection<String> ownerIds);

    Optional<String> secret(String webhookId);

    void delete(String id);
}
