package io.patchbay.catalog.adapter.in.scheduling;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.patchbay.catalog.application.port.in.DiscoveryWorkUseCase;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The background discovery workers of this instance: each polls the durable job table, works due jobs one after the
 * other and waits {@code poll-interval} when there are none. Several instances share the table safely.
 */
@Context
@Requires(property = "patchbay.discovery.enabled", notEquals = "false")
public class DiscoveryWorkers {
    private static final Logger LOG = LoggerFactory.getLogger(DiscoveryWorkers.class);

    private final DiscoveryWorkUseCase work;
    private final Duration pollInterval;
    private final List<Thread> threads = new ArrayList<>();
    private final String instance = UUID.randomUUID().toString().substring(0, 8);
    private final Object signal = new Object();
    private volatile boolean running = true;

    public DiscoveryWorkers(DiscoveryWorkUseCase work, @Value("${patchbay.discovery.workers:2}") int workers,
                            @Value("${patchbay.discovery.poll-interval:1s}") Duration pollInterval) {
        this.work = work;
        this.pollInterval = pollInterval;
        for (int i = 0; i < workers; i++) {
            String id = "discovery-" + instance + "-" + i;
            threads.add(Thread.ofPlatform().name(id).daemon().start(() -> loop(id)));
        }
    }

    private void loop(String workerId) {
        while (running) {
            boolean didWork = false;
            try {
                didWork = work.runNext(workerId);
            } catch (RuntimeException e) {
                LOG.warn("discovery worker {}: {}", workerId, e.toString());
            }
            if (!didWork) {
                synchronized (signal) {
                    try {
                        signal.wait(pollInterval.toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        synchronized (signal) {
            signal.notifyAll();
        }
        for (Thread t : threads) {
            try {
                t.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
