package io.patchbay.config.adapter.out.persistence;

import io.micronaut.context.BeanContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import io.patchbay.config.domain.Delivery;
import io.patchbay.config.domain.DeliveryState;
import io.patchbay.config.domain.DeliveryTarget;
import io.patchbay.config.domain.RetryPolicy;
import io.patchbay.config.domain.WebhookEvent;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The delivery store against PostgreSQL with the real migrations: the claim takes each configuration's earliest pending
 * delivery only, skips rows another transaction holds, leaves leased rows alone until the lease runs out, and an attempt
 * whose delivery was claimed again cannot record its outcome; the claim's plan stays an index range scan over 10,000
 * pending rows (no statistics yet, as right after a bulk change).
 */
@MicronautTest(startApplication = false, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeliveryRepositoryIT implements TestPropertyProvider {
    final RepositoryDatabase db = new RepositoryDatabase("config_repo_delivery");
    @Inject
    WebhookPersistenceAdapter store;
    @Inject
    TransactionOperations<Connection> transactions;
    @Inject
    BeanContext context;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = db.properties();
        props.put("patchbay.webhooks.worker.enabled", "false");
        return props;
    }

    static Delivery delivery(String id, String target, String configuration, long now) {
        return Delivery.queue(id, "evt_" + id, DeliveryTarget.WEBHOOK, target, configuration, WebhookEvent.DISABLED, "{\"n\":\"" + id + "\"}", now,
                RetryPolicy.DEFAULT);
    }

    @Test
    void aClaimTakesTheEarliestPendingDeliveryOfEachConfigurationAndSkipsHeldRows() throws Exception {
        long now = System.currentTimeMillis();
        store.insertAll(List.of(delivery("dlv_a1", "hook_order", "icfg_a", now), delivery("dlv_b1", "hook_order", "icfg_b", now),
                delivery("dlv_a2", "hook_order", "icfg_a", now), delivery("dlv_c1", "hook_order", "icfg_c", now),
                delivery("dlv_x1", "hook_other", "icfg_a", now)));
        assertThat(store.dueTargets(now, 10)).containsEntry("hook_order", 4).containsEntry("hook_other", 1);

        List<Delivery> first;
        try (Connection holder = db.connect()) {
            holder.setAutoCommit(false);
            try (Statement st = holder.createStatement()) {
                st.execute("SELECT 1 FROM webhook_delivery WHERE id = 'dlv_b1' FOR UPDATE");
            }
            first = store.claim("hook_order", 10, now, now + 60_000);
            holder.rollback();
        }
        assertThat(first).extracting(Delivery::id).as("dlv_a2 waits for dlv_a1; dlv_b1 is held by another transaction")
                .containsExactly("dlv_a1", "dlv_c1");
        assertThat(first).allMatch(d -> d.attempts() == 1 && d.leaseUntil() == now + 60_000);
        assertThat(store.claim("hook_order", 10, now, now + 60_000)).extracting(Delivery::id).as("leased ones are left alone")
                .containsExactly("dlv_b1");

        Delivery a1 = first.getFirst();
        a1.delivered(200, 5, now);
        store.saveOutcomes(List.of(a1));
        assertThat(store.claim("hook_order", 10, now, now + 60_000)).extracting(Delivery::id).containsExactly("dlv_a2");

        // the leases run out and another attempt claims them again: the first attempt can no longer record its outcome
        Delivery staleC1 = first.get(1);
        List<Delivery> reclaimed = store.claim("hook_order", 10, now + 61_000, now + 121_000);
        assertThat(reclaimed).extracting(Delivery::id).containsExactly("dlv_b1", "dlv_a2", "dlv_c1");
        staleC1.attemptFailed(500, "HTTP 500", 3, now, RetryPolicy.DEFAULT);
        assertThat(store.save(staleC1)).isFalse();
        Delivery fresh = reclaimed.get(2);
        fresh.delivered(204, 2, now + 61_000);
        store.saveOutcomes(List.of(fresh, staleC1));
        Delivery c1 = store.find("hook_order", "dlv_c1").orElseThrow();
        assertThat(c1.state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(c1.attempts()).isEqualTo(2);
        assertThat(c1.lastStatus()).isEqualTo(204);
    }

    @Test
    void theClaimIsAnIndexRangeScanWithTenThousandPendingRowsAndNoStatistics() throws Exception {
        long now = System.currentTimeMillis();
        List<Delivery> many = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            many.add(delivery("dlv_load" + i, "hook_load", "icfg_load" + i, now));
        }
        transactions.executeWrite(status -> {
            store.insertAll(many);
            return null;
        });
        String claim = RepositoryDatabase.sqlOf(context, DeliveryRepository.class, "lockDue").replaceFirst("\\?", "'hook_load'")
                .replace("?", "now()").replace("LIMIT now()", "LIMIT 10");
        StringBuilder plan = new StringBuilder();
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + claim)) {
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
        }
        System.out.println("PLAN DeliveryRepository.lockDue (10,000 pending)\n" + plan);
        assertThat(plan.toString()).contains("webhook_delivery_due").doesNotContain("Seq Scan").doesNotContain("Sort ");
    }
}
