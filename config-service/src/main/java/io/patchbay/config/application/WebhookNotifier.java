package io.patchbay.config.application;

import io.patchbay.config.application.port.out.AppStore;
import io.patchbay.config.application.port.out.DeliveryBodies;
import io.patchbay.config.application.port.out.DeliveryStore;
import io.patchbay.config.application.port.out.WebhookStore;
import io.patchbay.config.domain.App;
import io.patchbay.config.domain.Configuration;
import io.patchbay.config.domain.Delivery;
import io.patchbay.config.domain.DeliveryTarget;
import io.patchbay.config.domain.Webhook;
import io.patchbay.config.domain.WebhookEvent;
import io.patchbay.kernel.event.ConfigurationLifecycleEvent;
import io.patchbay.kernel.event.ConfigurationTransferred;
import io.patchbay.kernel.id.Ids;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes the webhook deliveries of configuration changes, in the caller's transaction (so they commit or roll back with
 * the change): one per matching webhook of the configuration's owner (and, for a transfer, of the previous owner), and
 * one to the app's partner when the app has a {@code webhookUrl}. The body is rendered now: receivers get the
 * configuration as it was after this change, whenever the delivery goes out.
 */
@Singleton
public class WebhookNotifier {
    private final WebhookStore webhooks;
    private final DeliveryStore deliveries;
    private final AppStore apps;
    private final DeliveryBodies bodies;
    private final WebhookSettings settings;
    private final Clock clock;

    public WebhookNotifier(WebhookStore webhooks, DeliveryStore deliveries, AppStore apps, DeliveryBodies bodies, WebhookSettings settings,
                           Clock clock) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.apps = apps;
        this.bodies = bodies;
        this.settings = settings;
        this.clock = clock;
    }

    /** One change to announce: {@code extraOwner} (may be null) also hears about it. */
    public record Change(Configuration configuration, WebhookEvent type, String extraOwner) {
    }

    /** The changes of lifecycle events, each event's configuration at the same index. */
    public static List<Change> ofLifecycle(List<Configuration> configurations, List<ConfigurationLifecycleEvent> events) {
        List<Change> changes = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            ConfigurationLifecycleEvent e = events.get(i);
            String previousOwner = e instanceof ConfigurationTransferred t ? t.previousOwnerId() : null;
            changes.add(new Change(configurations.get(i), WebhookEvent.of(e), previousOwner));
        }
        return changes;
    }

    public void notify(Collection<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Set<String> owners = new LinkedHashSet<>();
        Set<String> appIds = new LinkedHashSet<>();
        for (Change c : changes) {
            owners.add(c.configuration().ownerId());
            if (c.extraOwner() != null) {
                owners.add(c.extraOwner());
            }
            appIds.add(c.configuration().integrationId());
        }
        Map<String, List<Webhook>> byOwner = webhooks.ofOwners(owners).stream().collect(Collectors.groupingBy(Webhook::ownerId));
        Map<String, App> withUrl = apps.findByIds(appIds).stream().filter(a -> a.webhookUrl() != null)
                .collect(Collectors.toMap(App::id, Function.identity()));
        if (byOwner.isEmpty() && withUrl.isEmpty()) {
            return;
        }
        long now = clock.millis();
        List<Delivery> out = new ArrayList<>();
        for (Change change : changes) {
            Configuration c = change.configuration();
            List<Webhook> targets = new ArrayList<>(byOwner.getOrDefault(c.ownerId(), List.of()));
            if (change.extraOwner() != null && !change.extraOwner().equals(c.ownerId())) {
                targets.addAll(byOwner.getOrDefault(change.extraOwner(), List.of()));
            }
            targets.removeIf(w -> !w.receives(change.type(), c));
            App app = withUrl.get(c.integrationId());
            if (targets.isEmpty() && app == null) {
                continue;
            }
            String eventId = Ids.prefixed(Delivery.EVENT_ID_PREFIX, 24);
            String body = bodies.render(eventId, change.type(), now, c);
            for (Webhook w : targets) {
                out.add(Delivery.queue(Ids.prefixed(Delivery.ID_PREFIX, 24), eventId, DeliveryTarget.WEBHOOK, w.id(), c.id(), change.type(), body, now, settings.retry()));
            }
            if (app != null) {
                out.add(Delivery.queue(Ids.prefixed(Delivery.ID_PREFIX, 24), eventId, DeliveryTarget.APP, app.id(), c.id(), change.type(), body, now, settings.retry()));
            }
        }
        deliveries.insertAll(out);
    }
}
