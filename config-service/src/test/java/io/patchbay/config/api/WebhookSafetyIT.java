package io.patchbay.config.api;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patchbay.kernel.auth.TeamRole;
import io.patchbay.test.Api;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.Map;

import static io.patchbay.test.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Outbound safety with the shipped setting (private targets not allowed): plain http, loopback, private, link-local and
 * metadata addresses are refused at registration (400 naming the field), and a name that resolved to a public address at
 * registration and to a private one at delivery time (DNS rebinding) is refused at the connection.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookSafetyIT implements TestPropertyProvider {
    final TestDatabase db = new TestDatabase("config_hooksafe");
    final Receiver receiver = new Receiver();
    final String token = Tokens.token("safeDev", "team_hookSafe", TeamRole.DEVELOPER);

    @Inject
    EmbeddedServer server;
    @Inject
    FakeDns dns;
    Api api;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = db.serviceProperties();
        props.put("patchbay.webhooks.poll-interval", "100ms");
        props.put("patchbay.webhooks.first-retry", "300ms");
        props.put("test.fake-dns", "true");
        return props;
    }

    @BeforeAll
    void setUp() {
        api = new Api(server.getURI());
        assertThat(api.post("/v1/integrations/apps", Tokens.admin(), "{\"slug\":\"guarded\",\"name\":\"Guarded\"}").status()).isEqualTo(201);
    }

    @AfterAll
    void tearDown() {
        receiver.close();
    }

    Api.Response register(String url) {
        return api.post("/v1/webhooks", token, "{\"url\":\"" + url + "\",\"events\":[\"integration-configuration.removed\"]}");
    }

    @Test
    void privateAndPlainHttpTargetsAreRefusedAtRegistration() throws Exception {
        dns.answer("internal.patchbay.test", "10.1.2.3");
        dns.answer("metadata.patchbay.test", "169.254.169.254");
        dns.answer("mixed.patchbay.test", "203.0.113.9", "192.168.0.9");
        dns.answer("v6local.patchbay.test", "fd00:ec2::254");
        for (String url : new String[]{receiver.url("/plain-http"), "https://127.0.0.1:" + receiver.port() + "/", "https://localhost/",
            "https://internal.patchbay.test/", "https://metadata.patchbay.test/latest/meta-data", "https://mixed.patchbay.test/",
            "https://v6local.patchbay.test/", "https://[::1]/", "https://169.254.169.254/", "https://[::ffff:10.0.0.1]/",
            "https://nowhere.patchbay.test/"}) {
            Api.Response refused = register(url);
            assertProblem(refused, 400, "url");
            assertThat(refused.raw().body()).as(url).doesNotContain("secret");
        }
        assertProblem(api.post("/v1/integrations/apps", Tokens.admin(), "{\"slug\":\"inner\",\"name\":\"Inner\",\"webhookUrl\":\""
                + "https://internal.patchbay.test/\"}"), 400, "webhookUrl");
        assertProblem(api.send("PATCH", "/v1/integrations/apps/guarded", Tokens.admin(), "{\"webhookUrl\":\"http://example.com/\"}"), 400,
                "webhookUrl");
        assertThat(db.strings("SELECT url FROM webhook")).as("nothing refused was stored").allMatch(u -> u.contains("rebind.patchbay.test"));
    }

    @Test
    void aNameThatTurnsPrivateAfterRegistrationIsRefusedAtTheConnection() throws Exception {
        dns.answer("rebind.patchbay.test", "203.0.113.7");
        Api.Response created = register("https://rebind.patchbay.test:" + receiver.port() + "/hook");
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        String hookId = created.json().get("id").asText();

        dns.answer("rebind.patchbay.test", "127.0.0.1");
        Api.Response installed = api.post("/v1/integrations/configurations", token, "{\"integrationIdOrSlug\":\"guarded\"}");
        String c = installed.json().get("id").asText();
        assertThat(api.send("DELETE", "/v1/integrations/configuration/" + c, token, null).status()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Api.Response log = api.get("/v1/webhooks/" + hookId + "/deliveries", token);
            return log.json().size() == 1 && log.json().get(0).get("attempts").asInt() >= 2;
        });
        var entry = api.get("/v1/webhooks/" + hookId + "/deliveries", token).json().get(0);
        assertThat(entry.get("state").asText()).isEqualTo("pending");
        assertThat(entry.get("lastError").asText()).contains("refused").contains("private");
        assertThat(entry.has("lastStatusCode")).isFalse();
        assertThat(receiver.requests()).as("nothing reached the private address").isEmpty();
    }
}
