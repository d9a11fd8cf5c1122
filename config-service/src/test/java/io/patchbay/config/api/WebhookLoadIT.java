package io.patchbay.config.api;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patchbay.kernel.auth.TeamRole;
import io.patchbay.test.Api;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A team plan downgrade that disables 10,000 configurations (as in PlanDowngradeLoadIT) with a team webhook subscribed to
 * {@code integration-configuration.disabled}: the transaction writes 10,000 deliveries, and the worker sends all of them
 * to a local receiver. Records the delivery rate (target/benchmarks/webhook-deliveries.json, BENCHMARK line).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookLoadIT implements TestPropertyProvider {
    static final int COUNT = 10_000;
    static final String TEAM = "team_hookBulk";
    final TestDatabase db = new TestDatabase("config_hookload");
    final Receiver receiver = new Receiver();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = db.serviceProperties();
        props.put("patchbay.webhooks.allow-private", "true");
        props.put("patchbay.webhooks.poll-interval", "100ms");
        return props;
    }

    @AfterAll
    void tearDown() {
        receiver.close();
    }

    @Test
    void tenThousandDisablesAreDeliveredToAWebhook() throws Exception {
        Api api = new Api(server.getURI());
        String owner = Tokens.token("hookBulkOwner", TEAM, TeamRole.OWNER);
        String appId = api.post("/v1/integrations/apps", Tokens.admin(), "{\"slug\":\"hook-bulk\",\"name\":\"Bulk\",\"requiredPlan\":\"pro\"}")
                .json().get("id").asText();
        assertThat(api.send("PUT", "/v1/teams/" + TEAM, owner, "{\"plan\":\"pro\"}").status()).isEqualTo(200);
        Api.Response hook = api.post("/v1/webhooks", owner, "{\"url\":\"" + receiver.url("/bulk")
                + "\",\"events\":[\"integration-configuration.disabled\"]}");
        assertThat(hook.status()).as(hook.toString()).isEqualTo(200);
        String secret = hook.json().get("secret").asText();
        db.seedConfigurations(COUNT, appId, "hook-bulk", TEAM, "hookBulkOwner", "now() - i * interval '1 ms'");

        // progress every 5 s, and the best 5 s window: the outbox relay publishes the same 10,000 changes to Kafka (a broker in
        // this JVM) meanwhile, and on a 2-core machine the deliveries share the CPU with it until it is done
        java.util.concurrent.atomic.AtomicLong peakPerSecond = new java.util.concurrent.atomic.AtomicLong();
        Thread progress = Thread.ofPlatform().daemon().start(() -> {
            long last = 0;
            while (!Thread.currentThread().isInterrupted()) {
                java.util.concurrent.locks.LockSupport.parkNanos(5_000_000_000L);
                long now = receiver.firstArrivals().size();
                if (now != last) {
                    System.out.println("webhook load: " + now + " received");
                    peakPerSecond.accumulateAndGet((now - last) / 5, Math::max);
                    last = now;
                }
            }
        });
        long started = System.nanoTime();
        HttpRequest request = HttpRequest.newBuilder(server.getURI().resolve("/v1/teams/" + TEAM)).timeout(Duration.ofMinutes(3))
                .header("Authorization", "Bearer " + owner).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"plan\":\"hobby\"}")).build();
        HttpResponse<String> downgrade;
        try (HttpClient http = HttpClient.newHttpClient()) {
            downgrade = http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        long requestMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(downgrade.statusCode()).as(downgrade.body()).isEqualTo(200);
        assertThat(db.count("SELECT count(*) FROM webhook_delivery")).as("written with the change").isEqualTo(COUNT);

        await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofMillis(500)).until(() -> receiver.firstArrivals().size() >= COUNT);
        long deliveredMillis = (System.nanoTime() - started) / 1_000_000;
        long sendingMillis = Math.max(1, deliveredMillis - requestMillis);
        assertThat(receiver.firstArrivals()).hasSize(COUNT);
        assertThat(receiver.firstArrivals().stream().map(Receiver.Request::configurationId).distinct().count()).isEqualTo(COUNT);
        assertThat(receiver.firstArrivals().subList(0, 50)).allMatch(r -> r.signedWith(secret));
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).until(() -> db.count("SELECT count(*) FROM webhook_delivery WHERE state = 'delivered'") == COUNT);

        progress.interrupt();
        // a duplicate is an attempt that reached the receiver but was not recorded as delivered (a 5 s timeout under load)
        long retried = db.count("SELECT count(*) FROM webhook_delivery WHERE attempts > 1");
        String report = String.format("{\"configurations\":%d,\"requestMillis\":%d,\"lastDeliveredMillis\":%d,\"deliveriesPerSecond\":%.1f,"
                        + "\"peakDeliveriesPerSecond5s\":%d,\"duplicates\":%d,\"retried\":%d}%n", COUNT, requestMillis, deliveredMillis,
                COUNT * 1000.0 / sendingMillis, peakPerSecond.get(), receiver.requests().size() - COUNT, retried);
        Path out = Path.of("target", "benchmarks", "webhook-deliveries.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println("BENCHMARK webhook-deliveries " + report.trim());
    }
}
