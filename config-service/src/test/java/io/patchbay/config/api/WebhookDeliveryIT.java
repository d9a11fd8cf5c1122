package io.patchbay.config.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patchbay.config.application.WebhookDeliveryService;
import io.patchbay.kernel.auth.TeamRole;
import io.patchbay.test.Api;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static io.patchbay.test.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhook deliveries to real local receivers (com.sun.net.httpserver) from a running config-service: Vercel's envelope
 * and signature, at-least-once and in order per configuration across a receiver outage, a receiver that never answers
 * holding up nobody else, a crash between send and mark, app webhooks with secret rotation, the log and redelivery.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookDeliveryIT implements TestPropertyProvider {
    final TestDatabase db = new TestDatabase("config_hooks");
    final List<Receiver> receivers = new ArrayList<>();

    @Inject
    EmbeddedServer server;
    @Inject
    WebhookDeliveryService deliveryService;
    @Inject
    FakeDns dns;
    Api api;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = db.serviceProperties();
        props.put("patchbay.webhooks.allow-private", "true");
        props.put("patchbay.webhooks.poll-interval", "100ms");
        props.put("patchbay.webhooks.first-retry", "300ms");
        props.put("patchbay.webhooks.lease", "3s");
        props.put("test.fake-dns", "true");
        return props;
    }

    @BeforeAll
    void setUp() {
        api = new Api(server.getURI());
        Api.Response app = api.post("/v1/integrations/apps", Tokens.admin(),
                "{\"slug\":\"hooked\",\"name\":\"Hooked\",\"scopes\":[\"read:project\",\"read-write:log-drain\"]}");
        assertThat(app.status()).as(app.toString()).isEqualTo(201);
    }

    @AfterAll
    void tearDown() {
        deliveryService.setFaultHook(null);
        receivers.forEach(Receiver::close);
    }

    Receiver receiver() {
        Receiver r = new Receiver();
        receivers.add(r);
        return r;
    }

    /** Registers a webhook; answers {id, secret}. */
    JsonNode webhook(String token, String url, String... events) {
        String list = java.util.Arrays.stream(events).map(e -> "\"integration-configuration." + e + "\"").collect(Collectors.joining(","));
        Api.Response created = api.post("/v1/webhooks", token, "{\"url\":\"" + url + "\",\"events\":[" + list + "]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.json();
    }

    String install(String token, String scopes) {
        Api.Response created = api.post("/v1/integrations/configurations", token, "{\"integrationIdOrSlug\":\"hooked\",\"scopes\":" + scopes + "}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    @Test
    void aDeleteAndAScopeUpgradeReachTheReceiverSignedInVercelsEnvelope() {
        Receiver receiver = receiver();
        String token = Tokens.token("hookDev", "team_hookSigned", TeamRole.DEVELOPER);
        JsonNode hook = webhook(token, receiver.url("/vercel"), "removed", "permission-upgraded");
        String secret = hook.get("secret").asText();
        assertThat(hook.get("id").asText()).matches("hook_[0-9A-Za-z]{24}");
        assertThat(secret).hasSizeGreaterThanOrEqualTo(24);
        assertThat(hook.get("ownerId").asText()).isEqualTo("team_hookSigned");
        Api.Response read = api.get("/v1/webhooks/" + hook.get("id").asText(), token);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.raw().body()).doesNotContain(secret).doesNotContain("\"secret\"");
        assertThat(api.get("/v1/webhooks", token).raw().body()).doesNotContain(secret).contains(hook.get("id").asText());

        String c = install(token, "[\"read:project\"]");
        Api.Response patched = api.send("PATCH", "/v1/integrations/configuration/" + c, token,
                "{\"scopes\":[\"read:project\",\"read-write:log-drain\"]}");
        assertThat(patched.status()).isEqualTo(200);
        JsonNode asRead = api.get("/v1/integrations/configuration/" + c, token).json();
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.firstArrivals().size() == 1);
        assertThat(api.send("DELETE", "/v1/integrations/configuration/" + c, token, null).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.firstArrivals().size() == 2);

        List<Receiver.Request> got = receiver.firstArrivals();
        assertThat(got).extracting(Receiver.Request::type)
                .containsExactly("integration-configuration.permission-upgraded", "integration-configuration.removed");
        for (Receiver.Request r : got) {
            assertThat(r.signedWith(secret)).as("x-vercel-signature of %s", r.type()).isTrue();
            assertThat(r.signedWith(secret + "x")).isFalse();
            assertThat(r.deliveryId()).matches("dlv_[0-9A-Za-z]{24}");
            assertThat(r.contentType()).startsWith("application/json");
            JsonNode body = r.json();
            assertThat(body.get("id").asText()).matches("evt_[0-9A-Za-z]{24}");
            assertThat(body.get("createdAt").isNumber()).isTrue();
            assertThat(body.has("region")).isTrue();
            assertThat(body.get("region").isNull()).isTrue();
            assertThat(body.get("payload").get("team").get("id").asText()).isEqualTo("team_hookSigned");
            assertThat(body.get("payload").get("user").get("id").asText()).isEqualTo("hookDev");
        }
        assertThat(got.get(0).json().get("payload").get("configuration")).as("the configuration as GET answers it").isEqualTo(asRead);
        assertThat(got.get(1).json().get("payload").get("configuration").get("deletedAt").isNumber()).isTrue();

        // the log: newest first, delivered on the first attempt, paged; redelivery sends the same delivery id again
        String hookId = hook.get("id").asText();
        Api.Response log = api.get("/v1/webhooks/" + hookId + "/deliveries?limit=1", token);
        assertThat(log.status()).isEqualTo(200);
        JsonNode newest = log.json().get(0);
        assertThat(newest.get("type").asText()).isEqualTo("integration-configuration.removed");
        assertThat(newest.get("state").asText()).isEqualTo("delivered");
        assertThat(newest.get("attempts").asInt()).isEqualTo(1);
        assertThat(newest.get("lastStatusCode").asInt()).isEqualTo(200);
        assertThat(newest.get("configurationId").asText()).isEqualTo(c);
        assertThat(log.header("X-Next-Until")).isNotNull();
        JsonNode older = api.get("/v1/webhooks/" + hookId + "/deliveries?limit=1&until=" + log.header("X-Next-Until"), token).json();
        assertThat(older.get(0).get("type").asText()).isEqualTo("integration-configuration.permission-upgraded");
        assertProblem(api.get("/v1/webhooks/" + hookId + "/deliveries?until=forged", token), 400, "until");

        assertProblem(api.post("/v1/webhooks/" + hookId + "/deliveries/" + newest.get("id").asText() + "/redeliver",
                Tokens.token("hookViewer", "team_hookSigned", TeamRole.VIEWER), null), 403, null);
        Api.Response again = api.post("/v1/webhooks/" + hookId + "/deliveries/" + newest.get("id").asText() + "/redeliver", token, null);
        assertThat(again.status()).as(again.toString()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.requests().size() == 3);
        assertThat(receiver.requests().get(2).deliveryId()).isEqualTo(newest.get("id").asText());
        assertThat(receiver.requests().get(2).signedWith(secret)).isTrue();
    }

    @Test
    void aReceiverDownForAWhileGetsEveryDeliveryInOrderPerConfiguration() throws Exception {
        Receiver receiver = receiver();
        receiver.stop();
        String token = Tokens.token("outageDev", "team_hookOutage", TeamRole.DEVELOPER);
        JsonNode hook = webhook(token, receiver.url("/down"), "disabled", "enabled", "removed");
        List<String> configurations = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            configurations.add(install(token, "[\"read:project\"]"));
        }
        for (int round = 0; round < 2; round++) {
            for (String c : configurations) {
                assertThat(api.post("/v1/integrations/configuration/" + c + "/disable", token, "{}").status()).isEqualTo(200);
                assertThat(api.post("/v1/integrations/configuration/" + c + "/enable", token, null).status()).isEqualTo(200);
            }
        }
        for (String c : configurations) {
            assertThat(api.send("DELETE", "/v1/integrations/configuration/" + c, token, null).status()).isEqualTo(204);
        }
        String hookId = hook.get("id").asText();
        // while the receiver is down, the first deliveries are tried and fail, and wait for their retry
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count("SELECT count(*) FROM webhook_delivery WHERE target_id = '" + hookId
                + "' AND attempts >= 2 AND state = 'pending'") >= configurations.size());
        assertThat(receiver.requests()).isEmpty();
        receiver.start();

        Set<String> written = new HashSet<>(db.strings("SELECT id FROM webhook_delivery WHERE target_id = '" + hookId + "'"));
        assertThat(written).hasSize(configurations.size() * 5);
        await().atMost(Duration.ofMinutes(2)).until(() -> receiver.firstArrivals().size() == written.size());
        assertThat(receiver.firstArrivals()).extracting(Receiver.Request::deliveryId).containsExactlyInAnyOrderElementsOf(written);
        for (String c : configurations) {
            assertThat(receiver.firstArrivals().stream().filter(r -> r.configurationId().equals(c)).map(Receiver.Request::type).toList())
                    .as("order for %s", c)
                    .containsExactly("integration-configuration.disabled", "integration-configuration.enabled", "integration-configuration.disabled",
                            "integration-configuration.enabled", "integration-configuration.removed");
        }
        assertThat(receiver.requests()).allMatch(r -> r.signedWith(hook.get("secret").asText()));
        assertThat(db.count("SELECT count(*) FROM webhook_delivery WHERE target_id = '" + hookId + "' AND state = 'delivered'"))
                .isEqualTo(written.size());
    }

    @Test
    void aReceiverThatNeverAnswersDoesNotHoldUpAHealthyOne() {
        Receiver stuck = receiver();
        stuck.hang();
        Receiver healthy = receiver();
        String stuckToken = Tokens.token("stuckDev", "team_hookStuck", TeamRole.DEVELOPER);
        String healthyToken = Tokens.token("healthyDev", "team_hookHealthy", TeamRole.DEVELOPER);
        String stuckHook = webhook(stuckToken, stuck.url("/never"), "disabled").get("id").asText();
        webhook(healthyToken, healthy.url("/fine"), "disabled");
        for (int i = 0; i < 20; i++) {
            String c = install(stuckToken, "[\"read:project\"]");
            assertThat(api.post("/v1/integrations/configuration/" + c + "/disable", stuckToken, "{}").status()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> !stuck.requests().isEmpty());
        for (int i = 0; i < 5; i++) {
            String c = install(healthyToken, "[\"read:project\"]");
            assertThat(api.post("/v1/integrations/configuration/" + c + "/disable", healthyToken, "{}").status()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> healthy.firstArrivals().size() == 5);
        // every attempt on the stuck receiver is still waiting for its 5 s timeout: the healthy one did not wait for any of them
        long finishedStuckAttempts = uncheckedCount("SELECT count(*) FROM webhook_delivery WHERE target_id = '" + stuckHook
                + "' AND (last_error IS NOT NULL OR last_status IS NOT NULL)");
        assertThat(finishedStuckAttempts).isZero();
        assertThat(stuck.requests().size()).as("at most the per-target lanes are held by the stuck receiver").isLessThanOrEqualTo(8);
    }

    @Test
    void killedBetweenSendAndMarkTheDeliveryIsSentAgainWithTheSameId() {
        Receiver receiver = receiver();
        String token = Tokens.token("crashDev", "team_hookCrash", TeamRole.DEVELOPER);
        JsonNode hook = webhook(token, receiver.url("/crash"), "disabled");
        String hookId = hook.get("id").asText();
        AtomicBoolean crashed = new AtomicBoolean();
        deliveryService.setFaultHook(d -> {
            if (d.targetId().equals(hookId) && crashed.compareAndSet(false, true)) {
                throw new IllegalStateException("simulated crash after sending, before the outcome is recorded");
            }
        });
        String c = install(token, "[\"read:project\"]");
        assertThat(api.post("/v1/integrations/configuration/" + c + "/disable", token, "{}").status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.requests().size() >= 2);
        List<Receiver.Request> got = receiver.requests();
        assertThat(got.get(0).deliveryId()).isEqualTo(got.get(1).deliveryId());
        assertThat(got.get(0).body()).isEqualTo(got.get(1).body());
        await().atMost(Duration.ofSeconds(30)).until(() -> uncheckedCount("SELECT count(*) FROM webhook_delivery WHERE target_id = '" + hookId
                + "' AND state = 'delivered' AND attempts = 2") == 1);
        deliveryService.setFaultHook(null);
    }

    @Test
    void appWebhooksAreSignedWithTheClientSecretAndARotationTakesEffectAtOnce() {
        Receiver receiver = receiver();
        dns.answer("partner.patchbay.test", "127.0.0.1");
        String partnerUrl = "http://partner.patchbay.test:" + receiver.port() + "/app";
        Api.Response app = api.post("/v1/integrations/apps", Tokens.admin(), "{\"slug\":\"partnered\",\"name\":\"Partnered\","
                + "\"partnerTeamId\":\"team_hookPartner\",\"webhookUrl\":\"" + partnerUrl + "\"}");
        assertThat(app.status()).as(app.toString()).isEqualTo(201);
        String first = app.json().get("clientSecret").asText();
        assertThat(first).hasSizeGreaterThanOrEqualTo(24);
        assertThat(app.json().get("webhookUrl").asText()).isEqualTo(partnerUrl);
        assertThat(api.get("/v1/integrations/apps/partnered", Tokens.admin()).raw().body()).doesNotContain(first).doesNotContain("clientSecret");
        assertThat(api.get("/v1/integrations/apps", Tokens.admin()).raw().body()).doesNotContain(first);

        String user = Tokens.token("appUser", "team_hookCustomer", TeamRole.DEVELOPER);
        Api.Response installed = api.post("/v1/integrations/configurations", user, "{\"integrationIdOrSlug\":\"partnered\"}");
        String c = installed.json().get("id").asText();
        assertThat(api.post("/v1/integrations/configuration/" + c + "/disable", user, "{}").status()).isEqualTo(200);
        // partner.patchbay.test exists only in the test's resolver: the delivery connected to the address that was checked
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.firstArrivals().size() == 1);
        assertThat(receiver.requests().get(0).signedWith(first)).isTrue();
        assertThat(receiver.requests().get(0).type()).isEqualTo("integration-configuration.disabled");

        String partner = Tokens.token("partnerDev", "team_hookPartner", TeamRole.DEVELOPER);
        assertProblem(api.post("/v1/integrations/apps/partnered/rotate-secret", user, null), 403, null);
        Api.Response rotated = api.post("/v1/integrations/apps/partnered/rotate-secret", partner, null);
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        String second = rotated.json().get("clientSecret").asText();
        assertThat(second).isNotEqualTo(first).hasSizeGreaterThanOrEqualTo(24);
        assertThat(api.post("/v1/integrations/configuration/" + c + "/enable", user, null).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.firstArrivals().size() == 2);
        Receiver.Request enabled = receiver.firstArrivals().get(1);
        assertThat(enabled.type()).isEqualTo("integration-configuration.enabled");
        assertThat(enabled.signedWith(second)).isTrue();
        assertThat(enabled.signedWith(first)).isFalse();
        assertThat(uncheckedCount("SELECT count(*) FROM app WHERE client_secret LIKE '%" + second + "%' OR client_secret LIKE '%" + first + "%'"))
                .as("stored sealed").isZero();
    }

    long uncheckedCount(String sql) {
        try {
            return db.count(sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
