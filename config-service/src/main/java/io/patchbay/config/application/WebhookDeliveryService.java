package io.patchbay.config.application;

import io.patchbay.config.application.port.in.DeliverWebhooksUseCase;
import io.patchbay.config.application.port.out.AppStore;
import io.patchbay.config.application.port.out.DeliveryStore;
import io.patchbay.config.application.port.out.WebhookStore;
import io.patchbay.config.application.port.out.WebhookTransport;
import io.patchbay.config.domain.App;
import io.patchbay.config.domain.Delivery;
import io.patchbay.config.domain.DeliveryTarget;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Sends due deliveries of one target: claims them under a lease (one attempt at a time, in order per configuration),
 * checks the target's address again, signs the stored body with the current secret, sends it, and records the outcome.
 * Nothing is held in a transaction while a receiver answers. If the process dies between sending and recording, the lease
 * runs out and the delivery is sent again with the same id (at-least-once).
 */
@Singleton
public class WebhookDeliveryService implements DeliverWebhooksUseCase {
    private final DeliveryStore deliveries;
    private final WebhookStore webhooks;
    private final AppStore apps;
    private final TargetGuard guard;
    private final WebhookTransport transport;
    private final WebhookSettings settings;
    private final Clock clock;
    private volatile Consumer<Delivery> afterSendBeforeMark = d -> { };

    public WebhookDeliveryService(DeliveryStore deliveries, WebhookStore webhooks, AppStore apps, TargetGuard guard,
                                  WebhookTransport transport, WebhookSettings settings, Clock clock) {
        this.deliveries = deliveries;
        this.webhooks = webhooks;
        this.apps = apps;
        this.guard = guard;
        this.transport = transport;
        this.settings = settings;
        this.clock = clock;
    }

    /** Runs after a delivery was sent and before its outcome is recorded (tests simulate a crash there). */
    public void setFaultHook(Consumer<Delivery> hook) {
        this.afterSendBeforeMark = hook == null ? d -> { } : hook;
    }

    @Override
    public Map<String, Integer> dueTargets(int limit) {
        return deliveries.dueTargets(clock.millis(), limit);
    }

    @Override
    public int deliverNext(String targetId, int max) {
        long now = clock.millis();
        List<Delivery> claimed = deliveries.claim(targetId, max, now, now + settings.lease().toMillis());
        if (claimed.isEmpty()) {
            return 0;
        }
        // one target per claim: its URL and secret are read once, as they are now (a rotated secret signs from now on)
        Optional<Target> target = target(claimed.getFirst());
        List<Delivery> done = new ArrayList<>(claimed.size());
        try {
            for (Delivery d : claimed) {
                attempt(d, target);
                done.add(d);
            }
        } finally {
            // one transaction for the outcomes of the claim; a delivery that was sent but is not recorded (the process
            // died, the hook threw) is sent again when its lease runs out
            deliveries.saveOutcomes(done);
        }
        return claimed.size();
    }

    private void attempt(Delivery d, Optional<Target> target) {
        if (target.isEmpty()) {
            d.attemptFailed(null, d.targetKind() == DeliveryTarget.APP ? "the app has no webhook URL or client secret" : "the webhook is gone",
                    0, clock.millis(), settings.retry());
            return;
        }
        TargetGuard.Result vetted = guard.vet(target.get().url());
        if (vetted.target().isEmpty()) {
            d.attemptFailed(null, vetted.refusal(), 0, clock.millis(), settings.retry());
            return;
        }
        byte[] body = d.body().getBytes(StandardCharsets.UTF_8);
        WebhookTransport.Outcome outcome = transport.send(vetted.target().get(), body, d.id(), target.get().secret());
        afterSendBeforeMark.accept(d);
        if (outcome.delivered()) {
            d.delivered(outcome.status(), outcome.durationMs(), clock.millis());
        } else {
            d.attemptFailed(outcome.status(), outcome.error(), outcome.durationMs(), clock.millis(), settings.retry());
        }
    }

    private Optional<Target> target(Delivery d) {
        return switch (d.targetKind()) {
            case WEBHOOK -> webhooks.find(d.targetId())
                    .flatMap(w -> webhooks.secret(w.id()).map(secret -> new Target(w.url(), secret)));
            case APP -> apps.findByIdOrSlug(d.targetId()).filter(a -> a.webhookUrl() != null)
                    .flatMap((App a) -> apps.clientSecret(a.id()).map(secret -> new Target(a.webhookUrl(), secret)));
        };
    }

    private record Target(String url, String secret) {
    }
}
