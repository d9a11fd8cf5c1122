package io.patchbay.kernel.infra.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.patchbay.kernel.audit.AuditChanges;
import io.patchbay.kernel.audit.AuditRecord;
import io.patchbay.kernel.audit.AuditTrail;
import io.patchbay.kernel.audit.CausedAuditRecord;
import io.patchbay.kernel.auth.TeamMembership;
import io.patchbay.kernel.auth.TeamRole;
import io.patchbay.kernel.event.ConfigurationDisabled;
import io.patchbay.kernel.event.ConfigurationEnabled;
import io.patchbay.kernel.event.LifecycleEventType;
import io.patchbay.kernel.infra.auth.TokenMinter;
import io.patchbay.kernel.infra.event.LifecycleEnvelope;
import io.patchbay.kernel.infra.inbox.InboxOutcome;
import io.patchbay.kernel.infra.inbox.LifecycleInbox;
import io.patchbay.kernel.infra.jdbc.Sql;
import io.patchbay.test.Api;
import io.patchbay.test.AuditEntries;
import io.patchbay.test.TestInfra;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.patchbay.test.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The kernel's audit trail against a real PostgreSQL with the kernel's own migration: entries in the caller's
 * transaction (a failed request leaves none), masked secrets, the lifecycle event as the cause of a consumer's change,
 * {@code GET /audit/events} (filters, cursor paging, owner/admin access, bad values) and retention.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailIT {
    static final String TEAM_A = "team_auditA";
    static final String TEAM_B = "team_auditB";
    private final TestInfra infra = TestInfra.get();
    private String jdbcUrl;
    private EmbeddedServer server;
    private Api api;

    @BeforeAll
    void start() throws Exception {
        jdbcUrl = infra.newDatabase("kernel_audit");
        try (Connection c = DriverManager.getConnection(jdbcUrl, infra.user(), infra.password()); Statement st = c.createStatement()) {
            st.execute(resource("/db/kernel/inbox/V0_2__patchbay_kernel_inbox.sql"));
            st.execute(resource("/db/kernel/audit/V0_3__patchbay_kernel_audit.sql"));
            st.execute("CREATE TABLE thing (id TEXT PRIMARY KEY, secret TEXT, name TEXT)");
        }
        Map<String, Object> props = new HashMap<>(infra.micronautProperties(jdbcUrl));
        props.put("micronaut.application.name", "kernel-audit-it");
        props.put("micronaut.server.port", "-1");
        props.put("audit-it", "true");
        props.put("patchbay.outbox.relay.enabled", "false");
        props.put("patchbay.consumer.enabled", "false");
        props.put("patchbay.topic.provision", "false");
        props.put("patchbay.audit.prune-initial-delay", "1h");
        props.put("patchbay.audit.prune-batch", "2");
        server = ApplicationContext.run(EmbeddedServer.class, props);
        api = new Api(server.getURI());
    }

    @AfterAll
    void stop() {
        server.getApplicationContext().close();
    }

    @BeforeEach
    void empty() {
        exec("DELETE FROM audit_event");
    }

    private void exec(String statement) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, infra.user(), infra.password()); Statement st = c.createStatement()) {
            st.execute(statement);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    private Sql sql() {
        return server.getApplicationContext().getBean(Sql.class);
    }

    private static String token(String user, String team, TeamRole role) {
        List<TeamMembership> teams = team == null ? List.of() : List.of(new TeamMembership(team, role));
        return TokenMinter.dev().mint(user, teams, List.of(), null, Duration.ofMinutes(5));
    }

    private static String admin() {
        return TokenMinter.dev().mint("root", List.of(), List.of("admin"), null, Duration.ofMinutes(5));
    }

    @Test
    void aRequestWritesOneEntryWithItsActorRequestIdAndMaskedSecret() {
        String owner = token("userOwnerA", TEAM_A, TeamRole.OWNER);
        Api.Response r = api.send("POST", "/audit-things/t1/secret?secret=hunter2-first&team=" + TEAM_A, owner, null, "X-Request-Id", "req-audit-1");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        api.send("POST", "/audit-things/t1/secret?secret=hunter2-second&team=" + TEAM_A, owner, null);

        List<JsonNode> entries = AuditEntries.ofResource(api, admin(), "t1");
        assertThat(entries).hasSize(2);
        JsonNode first = entries.get(1);
        assertThat(first.get("action").asText()).isEqualTo("thing.secret_rotated");
        assertThat(first.get("service").asText()).isEqualTo("kernel-audit-it");
        assertThat(first.get("resource").get("type").asText()).isEqualTo("thing");
        assertThat(first.get("resource").get("id").asText()).isEqualTo("t1");
        assertThat(first.get("team_id").asText()).isEqualTo(TEAM_A);
        assertThat(first.get("actor").get("type").asText()).isEqualTo("user");
        assertThat(first.get("actor").get("id").asText()).isEqualTo("userOwnerA");
        assertThat(first.get("actor").get("team_id").asText()).isEqualTo(TEAM_A);
        assertThat(first.get("cause").isNull()).isTrue();
        assertThat(first.get("request_id").asText()).isEqualTo("req-audit-1");
        assertThat(first.get("occurred_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(first.get("changes").get("secret").get("from").isNull()).isTrue();
        assertThat(first.get("changes").get("secret").get("to").asText()).isEqualTo("********");
        assertThat(first.get("changes").get("name").get("to").asText()).isEqualTo("thing t1");
        JsonNode rotation = entries.getFirst();
        assertThat(rotation.get("changes").get("secret").get("from").asText()).isEqualTo("********");
        assertThat(rotation.get("changes").get("secret").get("to").asText()).isEqualTo("********");
        assertThat(rotation.get("changes").has("name")).as("unchanged fields are not changes").isFalse();

        assertThat(AuditEntries.tableText(jdbcUrl)).contains("t1").doesNotContain("hunter2");
    }

    @Test
    void aFailedRequestLeavesNoEntry() {
        String owner = token("userOwnerA", TEAM_A, TeamRole.OWNER);
        assertProblem(api.send("POST", "/audit-things/t2/secret?secret=x&fail=true&team=" + TEAM_A, owner, null), 400, "fail");

        assertThat(AuditEntries.count(jdbcUrl, null)).isZero();
        assertThat(sql().one("SELECT count(*) FROM thing WHERE id = 't2'", rs -> rs.getLong(1)).orElseThrow()).as("the change rolled back").isZero();
    }

    @Test
    void anEntryOutsideATransactionIsRefused() {
        AuditTrail trail = server.getApplicationContext().getBean(AuditTrail.class);
        assertThatThrownBy(() -> trail.record(AuditRecord.of("thing.created", "thing", "t3", null, Map.of())))
                .hasMessageContaining("transaction");
        assertThat(AuditEntries.count(jdbcUrl, null)).isZero();
    }

    @Test
    void aChangeALifecycleEventMakesNamesTheEvent() {
        LifecycleInbox inbox = server.getApplicationContext().getBean(LifecycleInbox.class);
        AuditTrail trail = server.getApplicationContext().getBean(AuditTrail.class);
        UUID eventId = UUID.randomUUID();
        String configurationId = "icfg_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        ConfigurationDisabled event = new ConfigurationDisabled(configurationId, "oac_x", "slack", TEAM_A, TEAM_A, "u1", 2,
                1_700_000_000_000L, 1_700_000_000_000L, "disabled-by-owner");
        InboxOutcome outcome = inbox.receive(new LifecycleEnvelope(eventId, LifecycleEventType.DISABLED, configurationId, Instant.now(), event),
                events -> trail.recordCaused(events.stream().map(e -> new CausedAuditRecord(AuditRecord.of("thing.disabled", "thing",
                        "linked-" + e.configurationId(), TEAM_A, AuditChanges.of("configuration_disabled", false, true)), e.cause())).toList()));
        assertThat(outcome).isEqualTo(InboxOutcome.APPLIED);

        JsonNode entry = AuditEntries.ofResource(api, admin(), "linked-" + configurationId).getFirst();
        assertThat(entry.get("actor").get("type").asText()).isEqualTo("system");
        assertThat(entry.get("actor").get("id").asText()).isEqualTo("system");
        assertThat(entry.get("cause").get("event_id").asText()).isEqualTo(eventId.toString());
        assertThat(entry.get("cause").get("event_type").asText()).isEqualTo(LifecycleEventType.DISABLED.ceType());
        assertThat(entry.get("request_id").isNull()).isTrue();
    }

    @Test
    void aBatchOfLifecycleEventsWritesEachEntryWithItsOwnCauseInOneCall() {
        LifecycleInbox inbox = server.getApplicationContext().getBean(LifecycleInbox.class);
        AuditTrail trail = server.getApplicationContext().getBean(AuditTrail.class);
        String configurationId = "icfg_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        UUID disabledId = UUID.randomUUID();
        UUID enabledId = UUID.randomUUID();
        ConfigurationDisabled disabled = new ConfigurationDisabled(configurationId, "oac_x", "slack", TEAM_A, TEAM_A, "u1", 2,
                1_700_000_000_000L, 1_700_000_000_000L, "disabled-by-owner");
        ConfigurationEnabled enabled = new ConfigurationEnabled(configurationId, "oac_x", "slack", TEAM_A, TEAM_A, "u1", 3,
                1_700_000_000_001L, 1_700_000_000_001L, "disabled-by-owner");
        List<Integer> calls = new java.util.ArrayList<>();
        List<InboxOutcome> outcomes = inbox.receiveAll(List.of(
                new LifecycleEnvelope(disabledId, LifecycleEventType.DISABLED, configurationId, Instant.now(), disabled),
                new LifecycleEnvelope(enabledId, LifecycleEventType.ENABLED, configurationId, Instant.now(), enabled)), events -> {
                    calls.add(events.size());
                    trail.recordCaused(events.stream().map(e -> new CausedAuditRecord(AuditRecord.of(
                            e.event() instanceof ConfigurationDisabled ? "thing.disabled" : "thing.enabled", "thing", "batch-" + configurationId,
                            TEAM_A, AuditChanges.of("configuration_disabled", !(e.event() instanceof ConfigurationDisabled),
                                    e.event() instanceof ConfigurationDisabled)), e.cause())).toList());
                });
        assertThat(outcomes).containsExactly(InboxOutcome.APPLIED, InboxOutcome.APPLIED);
        assertThat(calls).as("the use case got both events in one call").containsExactly(2);

        List<JsonNode> entries = AuditEntries.ofResource(api, admin(), "batch-" + configurationId);
        assertThat(entries).hasSize(2);
        JsonNode enabledEntry = entries.stream().filter(e -> e.get("action").asText().equals("thing.enabled")).findFirst().orElseThrow();
        JsonNode disabledEntry = entries.stream().filter(e -> e.get("action").asText().equals("thing.disabled")).findFirst().orElseThrow();
        assertThat(disabledEntry.get("cause").get("event_id").asText()).isEqualTo(disabledId.toString());
        assertThat(disabledEntry.get("cause").get("event_type").asText()).isEqualTo(LifecycleEventType.DISABLED.ceType());
        assertThat(enabledEntry.get("cause").get("event_id").asText()).isEqualTo(enabledId.toString());
        assertThat(enabledEntry.get("cause").get("event_type").asText()).isEqualTo(LifecycleEventType.ENABLED.ceType());
        assertThat(entries).allSatisfy(e -> assertThat(e.get("actor").get("type").asText()).isEqualTo("system"));
    }

    @Test
    void aTriggerWritesOneSystemEntryPerChangeNamingTheTrigger() {
        Api.Response r = api.send("POST", "/audit-things/bulk?count=7&team=" + TEAM_B, token("userOwnerB", TEAM_B, TeamRole.OWNER), null,
                "X-Request-Id", "req-bulk");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<JsonNode> entries = AuditEntries.all(api, admin(), Map.of("action", "thing.disabled"));
        assertThat(entries).hasSize(7).allSatisfy(e -> {
            assertThat(e.get("actor").get("type").asText()).isEqualTo("system");
            assertThat(e.get("cause").get("trigger").asText()).isEqualTo("bulk_test");
            assertThat(e.get("request_id").asText()).isEqualTo("req-bulk");
        });
        assertThat(entries.stream().map(e -> e.get("resource").get("id").asText()).toList())
                .as("newest first: the reverse of the order of writing").containsExactly("bulk_6", "bulk_5", "bulk_4", "bulk_3", "bulk_2",
                        "bulk_1", "bulk_0");
    }

    @Test
    void filtersAndCursorPaging() {
        String ownerA = token("userOwnerA", TEAM_A, TeamRole.OWNER);
        for (int i = 0; i < 5; i++) {
            api.send("POST", "/audit-things/p" + i + "/secret?secret=s&team=" + TEAM_A, ownerA, null);
        }
        api.send("POST", "/audit-things/bulk?count=3&team=" + TEAM_B, token("userOwnerB", TEAM_B, TeamRole.OWNER), null);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Api.Response page = api.get("/audit/events?limit=2&actor_id=userOwnerA" + (cursor == null ? "" : "&cursor=" + cursor), admin());
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.json().get("data").forEach(e -> seen.add(e.get("resource").get("id").asText()));
            cursor = page.json().get("next_cursor").isNull() ? null : page.json().get("next_cursor").asText();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly("p4", "p3", "p2", "p1", "p0");

        assertThat(AuditEntries.all(api, admin(), Map.of("resource_type", "thing", "team_id", TEAM_B))).hasSize(3);
        assertThat(AuditEntries.all(api, admin(), Map.of("action", "thing.secret_rotated"))).hasSize(5);
        assertThat(AuditEntries.all(api, admin(), Map.of("until", "2000-01-01T00:00:00Z"))).isEmpty();
        assertThat(AuditEntries.all(api, admin(), Map.of("since", Instant.now().minusSeconds(600).toString()))).hasSize(8);
        assertThat(AuditEntries.all(api, admin(), Map.of("since", "2999-01-01T00:00:00+02:00"))).isEmpty();
    }

    @Test
    void badValuesAre400NamingTheParameter() {
        assertProblem(api.get("/audit/events?limit=0", admin()), 400, "limit");
        assertProblem(api.get("/audit/events?limit=1001", admin()), 400, "limit");
        assertProblem(api.get("/audit/events?limit=ten", admin()), 400, "limit");
        assertProblem(api.get("/audit/events?since=yesterday", admin()), 400, "since");
        assertProblem(api.get("/audit/events?until=2025-13-01T00:00:00Z", admin()), 400, "until");
        assertProblem(api.get("/audit/events?cursor=AAAA", admin()), 400, "cursor");
        assertProblem(api.get("/audit/events?action=", admin()), 400, "action");

        api.send("POST", "/audit-things/bulk?count=3&team=" + TEAM_B, admin(), null);
        String cursor = api.get("/audit/events?limit=1", admin()).json().get("next_cursor").asText();
        String tampered = (cursor.charAt(2) == 'A' ? "B" : "A");
        tampered = cursor.substring(0, 2) + tampered + cursor.substring(3);
        assertProblem(api.get("/audit/events?cursor=" + tampered, admin()), 400, "cursor");
    }

    @Test
    void anOwnerReadsOnlyTheirTeamAndEveryoneElseIsRefused() {
        api.send("POST", "/audit-things/a1/secret?secret=s&team=" + TEAM_A, token("userOwnerA", TEAM_A, TeamRole.OWNER), null);
        api.send("POST", "/audit-things/b1/secret?secret=s&team=" + TEAM_B, token("userOwnerB", TEAM_B, TeamRole.OWNER), null);

        AuditEntries.assertOwnerSeesOnlyTheirTeam(api, admin(), token("userOwnerA", TEAM_A, TeamRole.OWNER), TEAM_A,
                token("userMemberA", TEAM_A, TeamRole.MEMBER), TEAM_B);
        assertProblem(api.get("/audit/events", token("loner", null, null)), 403, null);
        String twoTeams = TokenMinter.dev().mint("twoTeams", List.of(new TeamMembership(TEAM_A, TeamRole.OWNER),
                new TeamMembership(TEAM_B, TeamRole.VIEWER)), List.of(), null, Duration.ofMinutes(5));
        assertProblem(api.get("/audit/events", twoTeams), 400, "team_id");
        assertThat(AuditEntries.all(api, twoTeams, Map.of("team_id", TEAM_A))).extracting(e -> e.get("team_id").asText()).containsOnly(TEAM_A);
        assertThat(api.send("GET", "/audit/events", twoTeams, null, "X-Team-Id", TEAM_A).status()).isEqualTo(200);
        assertProblem(api.send("GET", "/audit/events", twoTeams, null, "X-Team-Id", TEAM_B), 403, null);
    }

    @Test
    void retentionRemovesOnlyTheEntriesOlderThanTheCutoffInBatches() {
        api.send("POST", "/audit-things/bulk?count=5&team=" + TEAM_B, admin(), null);
        exec("UPDATE audit_event SET occurred_at = now() - interval '400 days' WHERE resource_id IN ('bulk_0', 'bulk_1', 'bulk_2')");

        int removed = server.getApplicationContext().getBean(AuditRetention.class).pruneOlderThan(Instant.now().minus(Duration.ofDays(365)));

        assertThat(removed).isEqualTo(3);
        assertThat(AuditEntries.all(api, admin(), Map.of())).extracting(e -> e.get("resource").get("id").asText())
                .containsExactlyInAnyOrder("bulk_3", "bulk_4");
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = AuditTrailIT.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
