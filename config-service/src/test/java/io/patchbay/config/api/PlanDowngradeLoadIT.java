package io.patchbay.config.api;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patchbay.kernel.auth.TeamRole;
import io.patchbay.kernel.event.LifecycleTopic;
import io.patchbay.test.Api;
import io.patchbay.test.TestInfra;
import io.patchbay.test.TopicReader;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A team plan downgrade that touches 10,000 configurations: one request, one transaction, 10,000 disables, 10,000
 * outbox events (delivered to Kafka) and 10,000 audit entries. Records the time and the heap used while it runs (target/benchmarks).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanDowngradeLoadIT implements TestPropertyProvider {
    static final int COUNT = 10_000;
    static final String TEAM = "team_bulkAcme";
    final TestInfra infra = TestInfra.get();
    final TestDatabase db = new TestDatabase("config_bulk");

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return db.serviceProperties();
    }

    @Test
    void downgradeDisablesTenThousandConfigurationsAndPublishesTenThousandEvents() throws Exception {
        Api api = new Api(server.getURI());
        String owner = Tokens.token("bulkOwner", TEAM, TeamRole.OWNER);
        String appId = api.post("/v1/integrations/apps", Tokens.admin(), "{\"slug\":\"bulk-app\",\"name\":\"Bulk\",\"requiredPlan\":\"pro\"}")
                .json().get("id").asText();
        assertThat(api.send("PUT", "/v1/teams/" + TEAM, owner, "{\"plan\":\"pro\"}").status()).isEqualTo(200);
        db.seedConfigurations(COUNT, appId, "bulk-app", TEAM, "bulkOwner", "now() - i * interval '1 ms'");

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(baseline);
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (sampling.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                Thread.onSpinWait();
            }
        });
        long started = System.nanoTime();
        HttpResponse<String> downgrade = downgrade(owner);
        long requestMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(downgrade.statusCode()).as(downgrade.body()).isEqualTo(200);

        long[] published = new long[1];
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            published[0] = db.count("SELECT count(*) FROM outbox_event WHERE published_at IS NOT NULL");
            assertThat(published[0]).isEqualTo(COUNT);
        });
        long publishedMillis = (System.nanoTime() - started) / 1_000_000;
        sampling.set(false);
        sampler.join();

        assertThat(db.count("SELECT count(*) FROM configuration WHERE disabled_reason = 'account-plan-downgrade' AND version = 2")).isEqualTo(COUNT);
        // one audit entry per configuration, the system's, caused by the downgrade, in the request's transaction
        assertThat(db.count("SELECT count(DISTINCT resource_id) FROM audit_event WHERE action = 'configuration.disabled' "
                + "AND actor_type = 'system' AND cause_trigger = 'plan_downgrade' AND team_id = '" + TEAM + "'")).isEqualTo(COUNT);
        assertThat(db.count("SELECT count(*) FROM audit_event WHERE action = 'configuration.disabled'")).isEqualTo(COUNT);
        java.util.Set<String> ids = new java.util.HashSet<>(db.strings("SELECT id FROM configuration"));
        long onTopic = TopicReader.read(infra.kafkaBootstrap(), LifecycleTopic.NAME, r -> ids.contains(r.key())
                && "io.patchbay.configuration.disabled.v1".equals(new String(r.headers().lastHeader("ce_type").value()))).stream()
                .map(r -> r.key()).distinct().count();
        assertThat(onTopic).isEqualTo(COUNT);

        long peakDeltaMb = (peak.get() - baseline) / (1024 * 1024);
        String report = String.format("{\"configurations\":%d,\"requestMillis\":%d,\"publishedMillis\":%d,\"heapBaselineMb\":%d,"
                        + "\"heapPeakDeltaMb\":%d,\"maxHeapMb\":%d}%n", COUNT, requestMillis, publishedMillis, baseline / (1024 * 1024), peakDeltaMb,
                memory.getHeapMemoryUsage().getMax() / (1024 * 1024));
        Path out = Path.of("target", "benchmarks", "plan-downgrade.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println("BENCHMARK plan-downgrade " + report.trim());
    }

    /**
     * The one 10,000-row request, with a generous bound of its own: ~2 s on an idle machine, but 25 s and more were seen on
     * a shared 2-core machine under load, past the 30 s of {@link Api}. The figure is recorded, not asserted.
     */
    private HttpResponse<String> downgrade(String owner) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(server.getURI().resolve("/v1/teams/" + TEAM)).timeout(Duration.ofMinutes(3))
                .header("Authorization", "Bearer " + owner).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"plan\":\"hobby\"}")).build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }
}
