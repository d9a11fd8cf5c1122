package io.patchbay.oauth.api;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patchbay.kernel.auth.TeamRole;
import io.patchbay.oauth.support.Captured;
import io.patchbay.oauth.support.RecordingApi;
import io.patchbay.oauth.support.TestProperties;
import io.patchbay.oauth.support.Tokens;
import io.patchbay.test.Api;
import io.patchbay.test.AuditEntries;
import io.patchbay.test.DeadLetterFixture;
import io.patchbay.test.ManagementSurface;
import io.patchbay.test.RequestLimits;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static io.patchbay.test.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operational attack surface of oauth-service with its shipped settings (issue 12): management endpoints closed to
 * tenants, health details for admins only, no tenant data in metric labels, text PostgreSQL cannot store (a lone
 * surrogate in {@code config.scopes} was a 500) and oversized chunked bodies refused as problems, per-caller rate limits.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecuritySurfaceIT implements TestPropertyProvider {
    static final int LIMIT = 60;
    static final String TEAM = "team_surfaceOauth";
    static final String BASE = "/__api__/v1/oauth/integrations";
    final String owner = Tokens.token("surfaceOwner", TEAM, TeamRole.OWNER);
    final String noTeam = Tokens.token("surfaceLoner", List.of(), false);

    @Inject
    EmbeddedServer server;
    RecordingApi api;
    String guid;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = TestProperties.of("oauth_surface");
        props.put("micronaut.server.port", "-1");
        props.put("patchbay.rate-limit.limit", Integer.toString(LIMIT));
        props.put("patchbay.rate-limit.window", "1h");
        return props;
    }

    @BeforeAll
    void setUp() {
        api = new RecordingApi(server.getURI());
        Api.Response created = api.post(BASE, owner, "{\"name\":\"Surface\",\"template\":\"github\",\"config\":{\"client_id\":\"Iv1.surface\","
                + "\"client_secret\":\"" + Captured.plant() + "\"}}");
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        guid = created.json().get("guid").asText();
    }

    @Test
    void theAuditTrailNeedsATokenAndIsForOwnersAndAdmins() {
        AuditEntries.assertGuarded(new Api(server.getURI()), Tokens.token("surfaceAuditLoner", List.of(), false), Tokens.admin());
    }

    @Test
    void managementEndpointsAreForAdminsAndHealthDetailsToo() {
        ManagementSurface.assertClosed(new Api(server.getURI()), List.of(noTeam, owner), Tokens.admin());
    }

    @Test
    void metricLabelsCarryNoTenantData() {
        assertThat(api.get(BASE + "/" + guid, owner).status()).isEqualTo(200);
        assertProblem(api.get(BASE + "/" + java.util.UUID.randomUUID(), owner), 404, null);
        ManagementSurface.assertNoTenantDataInMetrics(new Api(server.getURI()), List.of(TEAM, "surfaceOwner", guid, "Iv1.surface"));
    }

    @Test
    void unpairedSurrogatesAreA400NamingTheFieldNotA500() {
        String secret = Captured.plant();
        assertProblem(api.post(BASE, owner, "{\"template\":\"custom\",\"config\":{\"auth_type\":\"Service Account\",\"token_uri\":"
                + "\"https://idp.example.com/token\",\"client_id\":\"c\",\"client_secret\":\"" + secret + "\",\"scopes\":\"\\ud800\"}}"), 400,
                "config.scopes");
        assertProblem(api.patch(BASE + "/" + guid, owner, "{\"config\":{\"scopes\":\"repo \\ud800\"}}"), 400, "config.scopes");
        assertProblem(api.patch(BASE + "/" + guid, owner, "{\"name\":\"x\\udc00\",\"description\":\"\\ud800\"}"), 400, "name");
        assertProblem(api.put("/__api__/v1/content/" + java.util.UUID.randomUUID() + "/oauth/integrations/associations", owner,
                "[{\"oauth_integration_guid\":\"\\ud800\"}]"), 400, "[0].oauth_integration_guid");
        assertProblem(form(BASE + "/credentials", "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Atoken-exchange&audience=" + guid
                + "&subject_token=a%00b&subject_token_type=urn%3Aietf%3Aparams%3Aoauth%3Atoken-type%3Ajwt"), 400, "subject_token");
    }

    private Api.Response form(String path, String body) {
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(server.getURI().resolve(path))
                    .header("Authorization", "Bearer " + owner).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            return new Api.Response(response.statusCode(), response);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void aChunkedBodyOverTheLimitIsAProblem413() {
        RequestLimits.assertChunkedBodyIsRefused(server.getURI(), "POST", BASE, owner, 9 * 1024 * 1024);
        RequestLimits.assertChunkedBodyIsRefused(server.getURI(), "PATCH", BASE + "/" + guid, Tokens.key(owner), 2 * 1024 * 1024);
    }

    @Test
    void aCallerOverItsLimitGets429AndOthersAreNotSlowed() {
        RequestLimits.assertRateLimited(new Api(server.getURI()), BASE, Tokens.token("surfaceBusy", TEAM, TeamRole.OWNER),
                Tokens.token("surfaceCalm", TEAM, TeamRole.OWNER), Tokens.admin(), LIMIT);
    }

    @Test
    void theDeadLettersAreForPlatformAdminsOnly() {
        DeadLetterFixture.Client client = (method, path, token) -> api.send(method, path, token, null);
        String unknown = java.util.UUID.randomUUID().toString();
        DeadLetterFixture.assertAdminOnly(client, owner, unknown);
        assertProblem(client.send("POST", "/admin/dead-letters/" + unknown + "/replay", noTeam), 403, null);
        assertProblem(client.send("GET", "/admin/dead-letters/" + unknown, Tokens.admin()), 404, null);
        assertProblem(client.send("DELETE", "/admin/dead-letters/not-an-id", Tokens.admin()), 400, "id");
        assertProblem(client.send("GET", "/admin/dead-letters?limit=0", Tokens.admin()), 400, "limit");
        assertThat(client.send("GET", "/admin/dead-letters", Tokens.admin()).status()).isEqualTo(200);
    }
}
