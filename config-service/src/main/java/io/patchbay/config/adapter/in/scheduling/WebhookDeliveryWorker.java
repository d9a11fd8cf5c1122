package io.patchbay.config.adapter.in.scheduling;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.patchbay.config.application.port.in.DeliverWebhooksUseCase;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends webhook deliveries. A dispatcher looks for targets with due deliveries and gives each target up to
 * {@code per-target} lanes (virtual threads), at most {@code max-in-flight} in all; a lane claims a few deliveries of its
 * target, sends them one after the other and stops when its target has nothing due. So a receiver that is slow or never
 * answers holds only its own lanes, and the others go on. Which instance sends what is decided by the claims in the
 * database (leases), so any number of instances may run this.
 */
@Context
@Requires(property = "patchbay.webhooks.worker.enabled", notEquals = "false")
class WebhookDeliveryWorker {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDeliveryWorker.class);
    static final int TARGETS_PER_LOOK = 500;

    private final DeliverWebhooksUseCase deliveries;
    private final Duration pollInterval;
    private final int perTarget;
    private final int claimBatch;
    private final Semaphore inFlight;
    private final Map<String, AtomicInteger> lanes = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("webhook-lane-", 0).factory());
    private final Object wake = new Object();
    private final Thread dispatcher;
    private volatile boolean running = true;

    WebhookDeliveryWorker(DeliverWebhooksUseCase deliveries,
                          @Value("${patchbay.webhooks.poll-interval:1s}") Duration pollInterval,
                          @Value("${patchbay.webhooks.per-target:8}") int perTarget,
                          @Value("${patchbay.webhooks.max-in-flight:64}") int maxInFlight,
                          @Value("${patchbay.webhooks.claim-batch:10}") int claimBatch) {
        this.deliveries = deliveries;
        this.pollInterval = pollInterval;
        this.perTarget = Math.max(1, perTarget);
        this.claimBatch = Math.max(1, claimBatch);
        this.inFlight = new Semaphore(Math.max(1, maxInFlight));
        this.dispatcher = Thread.ofPlatform().name("webhook-dispatcher").daemon().start(this::run);
    }

    private void run() {
        while (running) {
            try {
                for (Map.Entry<String, Integer> due : deliveries.dueTargets(TARGETS_PER_LOOK).entrySet()) {
                    startLanes(due.getKey(), due.getValue());
                }
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                LOG.warn("webhook dispatcher: looking for due deliveries failed ({}); retrying", e.getClass().getSimpleName());
            }
            synchronized (wake) {
                try {
                    wake.wait(Math.max(1, pollInterval.toMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void startLanes(String target, int due) {
        AtomicInteger open = lanes.computeIfAbsent(target, t -> new AtomicInteger());
        int wanted = Math.min(perTarget, (due + claimBatch - 1) / claimBatch);
        while (running && open.get() < wanted && inFlight.tryAcquire()) {
            open.incrementAndGet();
            executor.execute(() -> lane(target, open));
        }
    }

    private void lane(String target, AtomicInteger open) {
        try {
            while (running && deliveries.deliverNext(target, claimBatch) > 0) {
                Thread.onSpinWait();
            }
        } catch (RuntimeException e) {
            LOG.warn("webhook lane for {}: {}; its claims are retried when their lease runs out", target, e.getClass().getSimpleName());
        } finally {
            open.decrementAndGet();
            inFlight.release();
            synchronized (wake) {
                wake.notifyAll();
            }
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        dispatcher.interrupt();
        executor.shutdownNow();
        try {
            dispatcher.join(Duration.ofSeconds(5));
            executor.awaitTermination(6, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
