package io.patchbay.config.adapter.out.persistence;

import io.patchbay.config.application.PublishedNames;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.patchbay.config.application.port.out.DeliveryStore;
import io.patchbay.config.application.port.out.WebhookStore;
import io.patchbay.config.domain.Delivery;
import io.patchbay.config.domain.DeliveryState;
import io.patchbay.config.domain.DeliveryTarget;
import io.patchbay.config.domain.Webhook;
import io.patchbay.config.domain.WebhookEvent;
import io.patchbay.kernel.secret.SecretBox;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Webhooks (secrets sealed with the service's SecretBox) and their deliveries. */
@Singleton
class WebhookPersistenceAdapter implements WebhookStore, DeliveryStore {
    private static final Sort NEWEST_FIRST = Sort.of(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));
    private final WebhookRepository webhooks;
    private final DeliveryRepository deliveries;
    private final SecretBox box;

    WebhookPersistenceAdapter(WebhookRepository webhooks, DeliveryRepository deliveries, SecretBox box) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.box = box;
    }

    // ---- webhooks --------------------------------------------------------------------------------------------------

    @Override
    public void insert(Webhook w, String secret, String actor) {
        webhooks.save(new WebhookRow(w.id(), w.ownerId(), w.teamId(), w.url(), w.events().stream().map(PublishedNames.NAMES::name).sorted().toList(),
                w.projectIds(), box.seal(secret), Instant.ofEpochMilli(w.createdAt()), Instant.ofEpochMilli(w.updatedAt()), actor));
    }

    @Override
    public Optional<Webhook> find(String id) {
        return webhooks.findById(id).map(WebhookPersistenceAdapter::toDomain);
    }

    @Override
    public List<Webhook> listByOwner(String ownerId, String projectId) {
        return webhooks.findByOwnerId(ownerId, NEWEST_FIRST).stream()
                .filter(r -> projectId == null || (r.projectIds() != null && r.projectIds().contains(projectId)))
                .map(WebhookPersistenceAdapter::toDomain).toList();
    }

    @Override
    public List<Webhook> ofOwners(Collection<String> ownerIds) {
        return ownerIds.isEmpty() ? List.of() : webhooks.findByOwnerIdIn(ownerIds).stream().map(WebhookPersistenceAdapter::toDomain).toList();
    }

    @Override
    public Optional<String> secret(String webhookId) {
        return webhooks.findById(webhookId).map(r -> box.open(r.secret()));
    }

    @Override
    public void delete(String id) {
        webhooks.deleteById(id);
    }

    private static Webhook toDomain(WebhookRow r) {
        return new Webhook(r.id(), r.ownerId(), r.teamId(), r.url(),
                r.events().stream().map(e -> PublishedNames.NAMES.fromStored(WebhookEvent.class, e, "webhook.events")).collect(Collectors.toSet()), r.projectIds(),
                r.createdAt().toEpochMilli(), r.updatedAt().toEpochMilli());
    }

    // ---- deliveries ------------------------------------------------------------------------------------------------

    @Override
    public void insertAll(List<Delivery> list) {
        if (!list.isEmpty()) {
            deliveries.saveAll(list.stream().map(d -> toRow(d, d.version())).toList());
        }
    }

    @Override
    public Map<String, Integer> dueTargets(long now, int limit) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (DueTarget t : deliveries.dueTargets(Instant.ofEpochMilli(now), limit)) {
            out.put(t.targetId(), (int) Math.min(Integer.MAX_VALUE, t.due()));
        }
        return out;
    }

    @Override
    @Transactional
    public List<Delivery> claim(String targetId, int max, long now, long leaseUntil) {
        List<Delivery> claimed = deliveries.lockDue(targetId, Instant.ofEpochMilli(now), max).stream()
                .map(WebhookPersistenceAdapter::toDomain).toList();
        if (claimed.isEmpty()) {
            return claimed;
        }
        claimed.forEach(d -> d.claim(now, leaseUntil));
        deliveries.updateAll(claimed.stream().map(WebhookPersistenceAdapter::loadedAs).toList());
        return claimed;
    }

    @Override
    @Transactional
    public boolean save(Delivery d) {
        try {
            deliveries.update(loadedAs(d));
            return true;
        } catch (OptimisticLockException e) {
            return false;
        }
    }

    @Override
    @Transactional
    public void saveOutcomes(List<Delivery> list) {
        if (list.isEmpty()) {
            return;
        }
        try {
            deliveries.updateAll(list.stream().map(WebhookPersistenceAdapter::loadedAs).toList());
        } catch (OptimisticLockException e) {
            // some were claimed again after their lease ran out: record the others one by one
            list.forEach(this::saveIfStillOurs);
        }
    }

    private void saveIfStillOurs(Delivery d) {
        deliveries.findById(d.seq()).filter(r -> r.version() == d.version() - 1)
                .ifPresent(r -> deliveries.update(loadedAs(d)));
    }

    @Override
    public Optional<Delivery> find(String targetId, String deliveryId) {
        return deliveries.findByTargetIdAndDeliveryId(targetId, deliveryId).map(WebhookPersistenceAdapter::toDomain);
    }

    @Override
    public List<Delivery> page(String targetId, int limit, Long beforeSeq) {
        Pageable page = Pageable.from(0, limit + 1);
        List<DeliveryRow> rows = beforeSeq == null ? deliveries.findByTargetIdOrderBySeqDesc(targetId, page)
                : deliveries.findByTargetIdAndSeqLessThanOrderBySeqDesc(targetId, beforeSeq, page);
        return rows.stream().map(WebhookPersistenceAdapter::toDomain).toList();
    }

    @Override
    public void deleteByTarget(String targetId) {
        deliveries.deleteByTargetId(targetId);
    }

    /** The row as it was loaded: Micronaut Data checks that version and stores the next, the domain's {@code version}. */
    private static DeliveryRow loadedAs(Delivery d) {
        return toRow(d, d.version() - 1);
    }

    private static DeliveryRow toRow(Delivery d, long version) {
        return new DeliveryRow(d.seq(), d.id(), d.eventId(), PublishedNames.NAMES.name(d.targetKind()), d.targetId(), d.configurationId(),
                PublishedNames.NAMES.name(d.type()), d.body(),
                PublishedNames.NAMES.name(d.state()), d.attempts(), d.lastStatus(), d.lastDurationMs(), d.lastError(), Instant.ofEpochMilli(d.nextAttemptAt()),
                Instant.ofEpochMilli(d.retryUntil()), instant(d.leaseUntil()), Instant.ofEpochMilli(d.createdAt()), instant(d.deliveredAt()),
                version);
    }

    private static Delivery toDomain(DeliveryRow r) {
        return new Delivery(r.seq(), r.deliveryId(), r.eventId(), PublishedNames.NAMES.fromStored(DeliveryTarget.class, r.targetKind(), "delivery.target_kind"), r.targetId(),
                r.configurationId(), PublishedNames.NAMES.fromStored(WebhookEvent.class, r.eventType(), "delivery.event_type"), r.body(),
                PublishedNames.NAMES.fromStored(DeliveryState.class, r.state(), "delivery.state"), r.attempts(), r.lastStatus(), r.lastDurationMs(), r.lastError(),
                r.nextAttemptAt().toEpochMilli(), r.retryUntil().toEpochMilli(), millis(r.leaseUntil()), r.createdAt().toEpochMilli(),
                millis(r.deliveredAt()), r.version());
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }
}
