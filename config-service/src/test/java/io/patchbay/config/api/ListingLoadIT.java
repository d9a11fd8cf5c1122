package io.patchbay.config.api;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patchbay.kernel.auth.TeamRole;
import io.patchbay.test.Api;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 100,000 configurations of one team, listed 1,000 at a time to the end: every one exactly once, each page an index
 * range scan (keyset on created_at, id), so a deep page costs what the first does. Records page times
 * (target/benchmarks).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListingLoadIT implements TestPropertyProvider {
    static final int COUNT = 100_000;
    static final String TEAM = "team_listAcme";
    final TestDatabase db = new TestDatabase("config_list");

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return db.serviceProperties();
    }

    @Test
    void pagesThroughOneHundredThousandConfigurationsAtConstantCostPerPage() throws Exception {
        Api api = new Api(server.getURI());
        String member = Tokens.token("lister", TEAM, TeamRole.MEMBER);
        String appId = api.post("/v1/integrations/apps", Tokens.admin(), "{\"slug\":\"list-app\",\"name\":\"List\"}").json().get("id").asText();
        db.seedConfigurations(COUNT, appId, "list-app", TEAM, "lister", "timestamp '2026-01-01' + (i / 3) * interval '1 ms'");

        Set<String> seen = new HashSet<>();
        List<Long> pageMillis = new ArrayList<>();
        String until = null;
        do {
            long started = System.nanoTime();
            Api.Response page = api.get("/v1/integrations/configurations?view=account&limit=1000" + (until == null ? "" : "&until=" + until), member);
            pageMillis.add((System.nanoTime() - started) / 1_000_000);
            assertThat(page.status()).isEqualTo(200);
            page.json().forEach(item -> assertThat(seen.add(item.get("id").asText())).isTrue());
            until = page.header("X-Next-Until");
        } while (until != null);
        assertThat(seen).hasSize(COUNT);
        assertThat(pageMillis).hasSize(COUNT / 1000);

        String plan = String.join("\n", db.strings("EXPLAIN SELECT id FROM configuration WHERE deleted_at IS NULL AND owner_id = '" + TEAM
                + "' AND team_id = owner_id AND (created_at, id) < (timestamp '2026-01-01 00:00:01', 'icfg_x') "
                + "ORDER BY created_at DESC, id DESC LIMIT 1001"));
        assertThat(plan).contains("configuration_owner_page").doesNotContain("Sort");

        long firstTen = median(pageMillis.subList(1, 11));
        long lastTen = median(pageMillis.subList(pageMillis.size() - 10, pageMillis.size()));
        String report = String.format("{\"configurations\":%d,\"pageSize\":1000,\"pages\":%d,\"medianMillisPages2to11\":%d,"
                + "\"medianMillisLast10Pages\":%d,\"maxMillis\":%d}%n", COUNT, pageMillis.size(), firstTen, lastTen,
                pageMillis.stream().mapToLong(Long::longValue).max().orElse(0));
        Path out = Path.of("target", "benchmarks", "listing.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println("BENCHMARK listing " + report.trim());
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
