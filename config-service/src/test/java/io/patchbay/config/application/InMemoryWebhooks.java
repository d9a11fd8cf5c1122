package io.patchbay.config.application;

import io.patchbay.config.application.port.out.DeliveryBodies;
import io.patchbay.config.application.port.out.DeliveryStore;
import io.patchbay.config.application.port.out.WebhookStore;
import io.patchbay.config.domain.Delivery;
import io.patchbay.config.domain.Webhook;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** In-memory webhook and delivery stores for the use-case tests; bodies are rendered as {@code type configurationId}. */
final class InMemoryWebhooks implements WebhookStore, DeliveryStore, DeliveryBodies {
    final Map<String, Webhook> webhooks = new LinkedHashMap<>();
    final Map<String, String> secrets = new LinkedHashMap<>();
    final List<Delivery> deliveries = new ArrayList<>();

    @Override
    public void insert(Webhook webhook, String secret, String actor) {
        webhooks.put(webhook.id(), webhook);
        secrets.put(webhook.id(), secret);
    }

    @Override
    public Optional<Webhook> find(String id) {
        return Optional.ofNullable(webhooks.get(id));
    }

    @Override
    public List<Webhook> listByOwner(String ownerId, String projectId) {
        return webhooks.values().stream().filter(w -> w.ownerId().equals(ownerId))
                .filter(w -> projectId == null || (w.projectIds() != null && w.projectIds().contains(projectId)))
                .sorted(Comparator.comparingLong(Webhook::createdAt).reversed()).toList();
    }

    @Override
    public List<Webhook> ofOwners(Collection<String> ownerIds) {
        return webhooks.values().stream().filter(w -> ownerIds.contains(w.ownerId())).toList();
    }

    @Override
    public Optional<String> secret(String webhookId) {
        return Optional.ofNullable(secrets.get(webhookId));
    }

    @Override
    public void delete(String id) {
        webhooks.remove(id);
    }

    @Override
    public void insertAll(List<Delivery> list) {
        long seq = deliveries.size();
        for (Delivery d : list) {
            seq++;
            deliveries.add(new Delivery(seq, d.id(), d.eventId(), d.targetKind(), d.targetId(), d.configurationId(), d.type(), d.body(), d.state(),
                    d.attempts(), d.lastStatus(), d.lastDurationMs(), d.lastError(), d.nextAttemptAt(), d.retryUntil(), d.leaseUntil(),
                    d.createdAt(), d.deliveredAt(), d.version()));
        }
    }

    @Override
    public Map<String, Integer> dueTargets(long now, int limit) {
        return Map.of();
    }

    @Override
    public List<Delivery> claim(String targetId, int max, long now, long leaseUntil) {
        return List.of();
    }

    @Override
    public boolean save(Delivery delivery) {
        return true;
    }

    @Override
    public void saveOutcomes(List<Delivery> list) {
    }

    @Override
    public Optional<Delivery> find(String targetId, String deliveryId) {
        return deliveries.stream().filter(d -> d.targetId().equals(targetId) && d.id().equals(deliveryId)).findFirst();
    }

    @Override
    public List<Delivery> page(String targetId, int limit, Long beforeSeq) {
        return deliveries.reversed().stream().filter(d -> d.targetId().equals(targetId))
                .filter(d -> beforeSeq == null || d.seq() < beforeSeq).limit(limit + 1L).toList();
    }

    @Override
    public void deleteByTarget(String targetId) {
        deliveries.removeIf(d -> d.targetId().equals(targetId));
    }

    @Override
    public String render(String eventId, io.patchbay.config.domain.WebhookEvent type, long createdAt,
                         io.patchbay.config.domain.Configuration configuration) {
        return PublishedNames.NAMES.name(type) + " " + configuration.id();
    }
}
