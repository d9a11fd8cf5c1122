package io.patchbay.oauth.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.patchbay.test.AuditEntries;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.auth.TeamMembership;
import io.patchbay.kernel.auth.TeamRole;
import io.patchbay.kernel.secret.SecretBox;
import io.patchbay.oauth.Application;
import io.patchbay.oauth.application.port.in.ReencryptSecretsUseCase;
import io.patchbay.oauth.application.port.in.UseIntegrationUseCase;
import io.patchbay.oauth.application.port.in.UseIntegrationUseCase.Need;
import io.patchbay.oauth.support.Captured;
import io.patchbay.oauth.support.Db;
import io.patchbay.oauth.support.Json;
import io.patchbay.oauth.support.RecordingApi;
import io.patchbay.oauth.support.TestProperties;
import io.patchbay.oauth.support.Tokens;
import io.patchbay.test.Api;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Key rotation with real keys and a real database: values sealed under k1 still open after k2 becomes active (k1 listed
 * as an old key); the re-encrypt job moves them — client secrets and session tokens — to k2, after which k2 alone opens
 * them; the {@code reencrypt-secrets} command does the same for the next key and reports values no key opens.
 */
class SecretRotationIT {
    static final String TEAM = "team_rotation";
    final String owner = Tokens.token("rotator", TEAM, TeamRole.OWNER);
    final Caller ownerCaller = new Caller("rotator", List.of(new TeamMembership(TEAM, TeamRole.OWNER)), Set.of(), Optional.empty());

    static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    static EmbeddedServer start(Map<String, String> base, Map<String, String> extra) {
        Map<String, Object> props = new HashMap<>(base);
        props.put("micronaut.server.port", "-1"); // a free port: the service's default 8083 may be taken
        props.putAll(extra);
        return ApplicationContext.run(EmbeddedServer.class, props);
    }

    List<List<String>> rows(String jdbcUrl, String query) {
        return new Db(jdbcUrl).rows(query);
    }

    @Test
    void secondKeyOpensOldValuesAndTheJobAndTheCommandMoveThemToTheActiveKey() throws Exception {
        Map<String, String> base = TestProperties.of("oauth_rotation");
        String jdbcUrl = base.get("datasources.default.url");
        String k1 = newKey();
        String k2 = newKey();
        String k3 = newKey();
        Map<String, String> written = new LinkedHashMap<>();
        String sessionToken = Captured.plant();
        String refreshToken = Captured.plant();

        try (EmbeddedServer first = start(base, Map.of("patchbay.encryption.key", k1, "patchbay.encryption.key-id", "k1"))) {
            RecordingApi api = new RecordingApi(first.getURI());
            for (int i = 0; i < 5; i++) {
                String secret = Captured.plant();
                Api.Response r = api.post("/__api__/v1/oauth/integrations", owner, Json.of(Map.of("name", "rot" + i, "template", "github",
                        "config", Map.of("client_id", "Iv1.rot" + i, "client_secret", secret))));
                assertThat(r.status()).as(r.toString()).isEqualTo(200);
                written.put(r.json().get("guid").asText(), secret);
            }
            SecretBox box = first.getApplicationContext().getBean(SecretBox.class);
            new Db(jdbcUrl).execute("INSERT INTO oauth_session (guid, integration_id, user_id, access_token_sealed, refresh_token_sealed, key_id, "
                    + "created_time, updated_time) SELECT gen_random_uuid(), min(id), 'viewer', ?, ?, 'k1', now(), now() FROM oauth_integration",
                    box.seal(sessionToken), box.seal(refreshToken));
        }
        assertThat(rows(jdbcUrl, "SELECT DISTINCT key_id FROM oauth_integration_secret")).containsExactly(List.of("k1"));

        Map<String, String> second = Map.of("patchbay.encryption.key", k2, "patchbay.encryption.key-id", "k2",
                "patchbay.encryption.old-keys", "k1:" + k1, "patchbay.secrets.reencrypt.enabled", "true",
                "patchbay.secrets.reencrypt.initial-delay", "1s", "patchbay.secrets.reencrypt.batch-size", "2");
        try (EmbeddedServer rotated = start(base, second)) {
            UseIntegrationUseCase use = rotated.getApplicationContext().getBean(UseIntegrationUseCase.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> rows(jdbcUrl, "SELECT key_id FROM oauth_integration_secret UNION ALL "
                    + "SELECT key_id FROM oauth_session").stream().allMatch(r -> r.getFirst().equals("k2")));
            for (var e : written.entrySet()) {
                assertThat(use.requireUsable(ownerCaller, null, UUID.fromString(e.getKey()), Need.PUBLISHER).secrets().get("client_secret")).isEqualTo(e.getValue());
            }
            // the job's re-encryptions are audited as the system's, one entry per value, and no value is in the trail
            Api reader = new Api(rotated.getURI());
            List<JsonNode> reencrypted = AuditEntries.all(reader, Tokens.admin(), Map.of("action", "oauth_integration.secret_reencrypted"));
            assertThat(reencrypted).hasSize(5).allSatisfy(entry -> {
                assertThat(entry.get("actor").get("type").asText()).isEqualTo("system");
                assertThat(entry.get("cause").get("trigger").asText()).isEqualTo("reencrypt_secrets");
                assertThat(entry.get("changes").get("secrets.client_secret").get("from").asText()).isEqualTo("********");
                assertThat(entry.get("changes").get("secrets.client_secret").get("to").asText()).isEqualTo("********");
            });
            assertThat(reencrypted).extracting(entry -> entry.get("resource").get("id").asText()).containsExactlyInAnyOrderElementsOf(written.keySet());
            assertThat(AuditEntries.all(reader, Tokens.admin(), Map.of("action", "oauth_session.reencrypted"))).hasSize(1);
            String trail = AuditEntries.tableText(jdbcUrl);
            assertThat(trail).doesNotContain(sessionToken).doesNotContain(refreshToken).doesNotContain("v1:");
            written.values().forEach(secret -> assertThat(trail).doesNotContain(secret));
        }
        SecretBox onlyK2 = new SecretBox(Map.of("k2", Base64.getDecoder().decode(k2)), "k2");
        for (List<String> row : rows(jdbcUrl, "SELECT sealed_value FROM oauth_integration_secret")) {
            assertThat(row.getFirst()).startsWith("v1:k2:");
            assertThat(written.values()).contains(onlyK2.open(row.getFirst()));
        }
        List<String> session = rows(jdbcUrl, "SELECT access_token_sealed, refresh_token_sealed FROM oauth_session").getFirst();
        assertThat(onlyK2.open(session.get(0))).isEqualTo(sessionToken);
        assertThat(onlyK2.open(session.get(1))).isEqualTo(refreshToken);

        new Db(jdbcUrl).execute("INSERT INTO oauth_integration_secret (integration_id, name, sealed_value, key_id, updated_time, updated_by) "
                + "SELECT min(id), 'orphan', ?, 'k0', now(), 'test' FROM oauth_integration",
                new SecretBox(Map.of("k0", Base64.getDecoder().decode(newKey())), "k0").seal(Captured.plant()));
        Map<String, Object> command = new HashMap<>(base);
        command.putAll(Map.of("patchbay.encryption.key", k3, "patchbay.encryption.key-id", "k3", "patchbay.encryption.old-keys", "k2:" + k2,
                "patchbay.secrets.reencrypt.batch-size", "3"));
        ReencryptSecretsUseCase.Report report = Application.reencrypt(command);
        assertThat(report.resealed()).as("five client secrets and one session").isEqualTo(6);
        assertThat(report.failed()).as("the value under an unknown key").isEqualTo(1);
        assertThat(rows(jdbcUrl, "SELECT DISTINCT key_id FROM oauth_integration_secret WHERE name = 'client_secret' UNION "
                + "SELECT key_id FROM oauth_session")).containsExactly(List.of("k3"));
        System.out.printf("BENCHMARK oauth-reencrypt resealed=%d failed=%d%n", report.resealed(), report.failed());
    }
}
