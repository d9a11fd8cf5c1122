package io.patchbay.kernel.infra;

import io.micronaut.context.annotation.Requires;
import io.patchbay.kernel.event.ApplyLifecycleEventUseCase;
import io.patchbay.kernel.event.ConfigurationLifecycleEvent;
import io.patchbay.kernel.event.ReceivedLifecycleEvent;
import io.patchbay.kernel.infra.jdbc.Sql;
import jakarta.inject.Singleton;

/**
 * A consuming service's use case for the kernel tests: records each applied event in the inbox transaction; a batch
 * holding a configuration id starting with {@code icfg_FAIL} always fails (to exercise the one-by-one path, retries and the
 * dead-letter topic).
 */
@Singleton
@Requires(property = "kernel-it.handler", value = "true")
class RecordingHandler implements ApplyLifecycleEventUseCase {
    private final Sql sql;
    private final java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> refusals = new java.util.concurrent.ConcurrentHashMap<>();

    RecordingHandler(Sql sql) {
        this.sql = sql;
    }

    /** How many times the handler refused the events of {@code configurationId}. */
    int refusals(String configurationId) {
        java.util.concurrent.atomic.AtomicInteger n = refusals.get(configurationId);
        return n == null ? 0 : n.get();
    }

    @Override
    public void apply(java.util.List<ReceivedLifecycleEvent> events) {
        for (ReceivedLifecycleEvent received : events) {
            apply(received.event());
        }
    }

    private void apply(ConfigurationLifecycleEvent event) {
        if (event.configurationId().startsWith("icfg_FAIL")) {
            refusals.computeIfAbsent(event.configurationId(), k -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
            throw new IllegalStateException("this handler refuses " + event.configurationId());
        }
        sql.update("INSERT INTO applied_event (configuration_id, version) VALUES (?, ?)", event.configurationId(), event.version());
    }
}
