package io.patchbay.environment.api;

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

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seeded bad-input run over every operation of environment-service's generated OpenAPI document (test-support's
 * {@link BadInputFuzzer}): no 5xx, every 4xx a problem+json. config-service's link check is answered by the stand-in.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputFuzzIT implements TestPropertyProvider {
    static final String TEAM = "team_fuzzEnv";
    final TestDatabase db = new TestDatabase("env_fuzz");

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        int port = freePort();
        Map<String, String> props = db.serviceProperties();
        props.put("micronaut.server.port", Integer.toString(port));
        props.put("micronaut.http.services.config-service.url", "http://127.0.0.1:" + port);
        props.put("env-it.config-service", "true");
        props.put("patchbay.rate-limit.limit", "1000000");
        return props;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyOperationAnswersBadInputWithA4xxProblemAndNever5xx() {
        Api api = new Api(server.getURI());
        ApiFixture fx = new ApiFixture(api);
        String owner = Tokens.token("linker", TEAM, TeamRole.OWNER);
        String[] environments = {fx.environment(owner, "fuzz-production").get("id").asText(), fx.environment(owner, "fuzz-staging").get("id").asText()};
        String[] integrations = {fx.integration(owner, "fuzz-zendesk", "helpdesk", "allow").get("id").asText(),
                fx.integration(owner, "fuzz-hubspot", "crm", "ask").get("id").asText()};
        String[] installs = {fx.install(owner, integrations[0], environments[0], null).get("id").asText(),
                fx.install(owner, integrations[1], environments[1], "\"override\":{\"label\":\"x\"}").get("id").asText()};

        BadInputFuzzer.Report report = BadInputFuzzer.forService(server.getURI(), "/openapi/environment-service.yml")
                .seed(1202).requestsPerOperation(40)
                .tenant(owner).otherTenant(Tokens.token("fuzzStranger", "team_fuzzOther", TeamRole.OWNER)).admin(Tokens.admin())
                .pathValuesUnder("/environment/", "id", environments).pathValuesUnder("/integration/", "id", integrations)
                .pathValuesUnder("/environment-integration/", "id", installs).pathValuesUnder("/team/", "id", TEAM)
                .example("POST /environment", "{\"name\":\"fuzz-env\",\"team_id\":\"" + TEAM + "\"}")
                .example("PATCH /environment/{id}", "{\"name\":\"fuzz-renamed\"}")
                .example("POST /integration", "{\"name\":\"fuzz-new\",\"category\":\"crm\",\"is_beta\":false,\"sharing\":\"allow\",\"config\":"
                        + ApiFixture.ZENDESK_CONFIG + "}")
                .example("PATCH /integration/{id}", "{\"category\":\"helpdesk\",\"is_beta\":true,\"sharing\":\"deny\","
                        + "\"config\":{\"base_url\":\"https://api.example.com\",\"headers\":{\"Accept\":\"application/json\"}}}")
                .example("POST /environment-integration", "{\"integration_id\":\"" + integrations[1] + "\",\"environment_id\":\""
                        + environments[0] + "\",\"is_enabled\":true,\"show_in_catalog\":true,\"override\":{\"base_url\":\"https://o.example.com\"},"
                        + "\"configuration_id\":\"icfg_fuzzLinked000000000000000\"}")
                .example("PATCH /environment-integration/{id}", "{\"show_in_catalog\":false,\"is_enabled\":true,\"override\":{\"label\":\"y\"}}")
                .example("PATCH /environment-integration/{id}/override", "{\"label\":\"z\",\"headers\":{\"X-A\":\"1\"},\"base_url\":null}")
                .example("PUT /team/{id}", "{\"name\":\"Fuzz Acme\",\"domain\":\"fuzz.example.com\",\"is_verified\":true,"
                        + "\"tos_link\":\"https://fuzz.example.com/tos\",\"allow_impersonation\":false}")
                .run();
        System.out.println(report.summary());
        // + the kernel's four /admin/dead-letters operations
        assertThat(report.operations()).as("every operation of the document, GET /audit/events among them").isEqualTo(26);
        report.assertClean();
        // after thousands of requests with ids, names and junk in paths and queries, the metric labels still hold none
        ManagementSurface.assertNoTenantDataInMetrics(api, List.of(TEAM, "linker", environments[0], integrations[0], installs[0], installs[1], "fuzz", "passwd", "DROP TABLE", "jndi"));
    }
}
