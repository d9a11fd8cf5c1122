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
import io.patchbay.test.BadInputFuzzer;
import io.patchbay.test.ManagementSurface;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seeded bad-input run over every operation of oauth-service's generated OpenAPI document (test-support's
 * {@link BadInputFuzzer}): no 5xx, every 4xx a problem+json. Requests use Posit's {@code Key} scheme; config-service's
 * link check is answered by the stand-in, and the integrations' token endpoint is this service itself (a refusal, so
 * token requests never wait on a network). Every answer goes to SecretLeakScanIT's scan.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputFuzzIT implements TestPropertyProvider {
    static final String TEAM = "team_fuzzOauth";
    static final String BASE = "/__api__/v1/oauth/integrations";
    int port;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = TestProperties.of("oauth_fuzz");
        port = TestProperties.withConfigServiceStandIn(props);
        props.put("patchbay.rate-limit.limit", "1000000");
        return props;
    }

    private String custom(String name, String authType, String secret) {
        return "{\"name\":\"" + name + "\",\"description\":\"fuzz\",\"template\":\"custom\",\"config\":{\"auth_type\":\"" + authType
                + "\",\"auth_mode\":\"Confidential\"," + (authType.equals("Viewer") ? "\"authorization_uri\":\"http://127.0.0.1:" + port
                + "/__fuzz__/authorize\"," : "") + "\"token_uri\":\"http://127.0.0.1:" + port + "/__fuzz__/token\",\"client_id\":\"fuzz-client\",\"client_secret\":\"" + secret
                + "\",\"scopes\":\"read write\",\"token_endpoint_auth_method\":\"client_secret_post\"}}";
    }

    @Test
    void everyOperationAnswersBadInputWithA4xxProblemAndNever5xx() {
        RecordingApi api = new RecordingApi(server.getURI());
        String owner = Tokens.token("fuzzOwner", TEAM, TeamRole.OWNER);
        String secret = Captured.plant();
        String[] guids = new String[3];
        String[] bodies = {custom("Fuzz service", "Service Account", secret), custom("Fuzz viewer", "Viewer", secret),
                "{\"name\":\"Fuzz github\",\"template\":\"github\",\"config\":{\"client_id\":\"Iv1.fuzz\",\"client_secret\":\"" + secret + "\"}}"};
        for (int i = 0; i < guids.length; i++) {
            Api.Response created = api.post(BASE, owner, bodies[i]);
            assertThat(created.status()).as(created.toString()).isEqualTo(200);
            guids[i] = created.json().get("guid").asText();
        }
        String content = UUID.randomUUID().toString();
        assertThat(api.put("/__api__/v1/content/" + content + "/oauth/integrations/associations", owner,
                "[{\"oauth_integration_guid\":\"" + guids[0] + "\"}]").status()).isEqualTo(204);

        BadInputFuzzer.Report report = BadInputFuzzer.forService(server.getURI(), "/openapi/oauth-service.yml")
                .seed(1203).requestsPerOperation(40).tokenScheme("Key")
                .tenant(owner).otherTenant(Tokens.token("fuzzStranger", "team_fuzzOther", TeamRole.OWNER)).admin(Tokens.admin())
                .pathValues("guid", guids).pathValues("content_guid", content).pathValues("key", "custom", "github", "azure")
                .example("POST " + BASE, custom("Fuzz new", "Service Account", Captured.plant()).replace("}}",
                        "},\"configuration_id\":\"icfg_fuzzLinked000000000000000\"}"))
                .example("PATCH " + BASE + "/{guid}", "{\"name\":\"Fuzz renamed\",\"description\":\"d\",\"config\":{\"scopes\":\"read\","
                        + "\"client_secret\":\"" + Captured.plant() + "\"}}")
                .example("PUT /__api__/v1/content/{content_guid}/oauth/integrations/associations", "[{\"oauth_integration_guid\":\""
                        + guids[0] + "\"},{\"oauth_integration_guid\":\"" + guids[2] + "\"}]")
                .example("POST " + BASE + "/credentials", "grant_type=" + enc("urn:ietf:params:oauth:grant-type:token-exchange")
                        + "&audience=" + guids[0] + "&subject_token=" + Tokens.token("fuzzViewer", TEAM, TeamRole.VIEWER)
                        + "&subject_token_type=" + enc("urn:ietf:params:oauth:token-type:jwt"))
                .observe(Captured::response)
                .run();
        System.out.println(report.summary());
        // + the kernel's four /admin/dead-letters operations
        assertThat(report.operations()).as("every operation of the document, GET /audit/events among them").isEqualTo(23);
        report.assertClean();
        // after thousands of requests with ids, names and junk in paths and queries, the metric labels still hold none
        ManagementSurface.assertNoTenantDataInMetrics(new Api(server.getURI()), List.of(TEAM, "fuzzOwner", guids[0], guids[1], guids[2], content, "fuzz", "passwd", "DROP TABLE", "jndi"));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
