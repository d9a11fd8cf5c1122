package io.patchbay.config.api;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patchbay.kernel.auth.TeamRole;
import io.patchbay.test.Api;
import io.patchbay.test.BadInputFuzzer;
import io.patchbay.test.ManagementSurface;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seeded bad-input run over every operation of config-service's generated OpenAPI document (test-support's
 * {@link BadInputFuzzer}): no 5xx, every 4xx a problem+json.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputFuzzIT implements TestPropertyProvider {
    static final String TEAM = "team_fuzzAcme";
    final TestDatabase db = new TestDatabase("config_fuzz");

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = db.serviceProperties();
        props.put("micronaut.server.port", "-1");
        props.put("patchbay.rate-limit.limit", "1000000");
        props.put("patchbay.webhooks.allow-private", "true");
        props.put("patchbay.webhooks.worker.enabled", "false");
        return props;
    }

    @Test
    void everyOperationAnswersBadInputWithA4xxProblemAndNever5xx() {
        Api api = new Api(server.getURI());
        String owner = Tokens.token("fuzzOwner", TEAM, TeamRole.OWNER);
        Api.Response app = api.post("/v1/integrations/apps", Tokens.admin(), "{\"slug\":\"fuzz\",\"name\":\"Fuzz\",\"scopes\":[\"read:project\"],"
                + "\"marketplace\":true,\"partnerTeamId\":\"" + TEAM + "\"}");
        assertThat(app.status()).as(app.toString()).isEqualTo(201);
        assertThat(api.send("PUT", "/v1/teams/" + TEAM, owner, "{\"slug\":\"fuzz-acme\",\"plan\":\"pro\"}").status()).isEqualTo(200);
        String[] configurations = new String[3];
        for (int i = 0; i < configurations.length; i++) {
            Api.Response created = api.post("/v1/integrations/configurations", owner, "{\"integrationIdOrSlug\":\"fuzz\"}");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            configurations[i] = created.json().get("id").asText();
        }

        // a webhook with one delivery (a disabled configuration) for the webhook and redelivery operations
        Api.Response hook = api.post("/v1/webhooks", owner, "{\"url\":\"http://127.0.0.1:9/hook\",\"events\":[\"integration-configuration.disabled\"]}");
        assertThat(hook.status()).as(hook.toString()).isEqualTo(200);
        String hookId = hook.json().get("id").asText();
        String disabled = api.post("/v1/integrations/configurations", owner, "{\"integrationIdOrSlug\":\"fuzz\"}").json().get("id").asText();
        assertThat(api.post("/v1/integrations/configuration/" + disabled + "/disable", owner, "{}").status()).isEqualTo(200);
        String deliveryId = api.get("/v1/webhooks/" + hookId + "/deliveries", owner).json().get(0).get("id").asText();

        BadInputFuzzer.Report report = BadInputFuzzer.forService(server.getURI(), "/openapi/config-service.yml")
                .seed(1201).requestsPerOperation(40)
                .tenant(owner).otherTenant(Tokens.token("fuzzStranger", "team_fuzzOther", TeamRole.OWNER)).admin(Tokens.admin())
                .pathValues("id", configurations).pathValues("idOrSlug", "fuzz", app.json().get("id").asText())
                .pathValues("teamId", TEAM).pathValues("userId", "fuzzOwner", "fuzzMember")
                .pathValuesUnder("/v1/webhooks", "id", hookId).pathValues("deliveryId", deliveryId)
                .example("POST /v1/webhooks", "{\"url\":\"http://127.0.0.1:9/other\",\"events\":[\"integration-configuration.removed\","
                        + "\"integration-configuration.permission-upgraded\"],\"projectIds\":[\"prj_1\"]}")
                .example("PATCH /v1/integrations/apps/{idOrSlug}", "{\"name\":\"Fuzz renamed\",\"available\":true,\"webhookUrl\":\"http://127.0.0.1:9/app\"}")
                .example("POST /v1/integrations/apps", "{\"slug\":\"fuzz-two\",\"name\":\"Fuzz two\",\"scopes\":[\"read:project\"]}")
                .example("POST /v1/integrations/configurations", "{\"integrationIdOrSlug\":\"fuzz\",\"scopes\":[\"read:project\"],"
                        + "\"projectSelection\":\"selected\",\"projects\":[\"prj_1\"],\"source\":\"marketplace\"}")
                .example("PATCH /v1/integrations/configuration/{id}", "{\"scopes\":[\"read:project\"],\"projectSelection\":\"all\"}")
                .example("POST /v1/integrations/configuration/{id}/disable", "{\"reason\":\"disabled-by-owner\"}")
                .example("POST /v1/integrations/configuration/{id}/transfer", "{\"userId\":\"fuzzOwner\",\"teamId\":\"" + TEAM + "\"}")
                .example("PATCH /v1/installations/{id}", "{\"status\":\"ready\",\"externalId\":\"ext-1\",\"notification\":{\"level\":\"warn\","
                        + "\"title\":\"Pay up\",\"message\":\"m\",\"href\":\"https://example.com\"}}")
                .example("PUT /v1/teams/{teamId}", "{\"slug\":\"fuzz-acme\",\"plan\":\"pro\"}")
                .example("PUT /v1/teams/{teamId}/members/{userId}", "{\"role\":\"MEMBER\"}")
                .run();
        System.out.println(report.summary());
        assertThat(report.operations()).as("every operation of the document, GET /audit/events among them").isEqualTo(25);
        report.assertClean();
        // after thousands of requests with ids, names and junk in paths and queries, the metric labels still hold none
        ManagementSurface.assertNoTenantDataInMetrics(api, List.of(TEAM, "fuzzOwner", configurations[0], configurations[1], configurations[2], hookId, deliveryId, "fuzz", "passwd", "DROP TABLE", "jndi"));
    }
}
