package io.patchbay.config.adapter.config;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.patchbay.config.application.DeletionGrace;
import io.patchbay.config.application.WebhookSettings;
import io.patchbay.config.domain.RetryPolicy;
import jakarta.inject.Singleton;

import java.time.Duration;

/** Settings the application layer needs, made into plain values here so it stays free of framework types. */
@Factory
class ApplicationBeans {
    @Singleton
    DeletionGrace deletionGrace(@Value("${patchbay.deletion.grace:24h}") Duration grace) {
        return new DeletionGrace(grace);
    }

    @Singleton
    WebhookSettings webhookSettings(@Value("${patchbay.webhooks.allow-private:false}") boolean allowPrivate,
                                    @Value("${patchbay.webhooks.lease:2m}") Duration lease,
                                    @Value("${patchbay.webhooks.first-retry:10s}") Duration firstRetry,
                                    @Value("${patchbay.webhooks.retry-window:24h}") Duration retryWindow) {
        return new WebhookSettings(allowPrivate, lease, new RetryPolicy(firstRetry, retryWindow));
    }
}
