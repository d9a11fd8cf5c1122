package io.patchbay.oauth.api;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patchbay.kernel.auth.TeamRole;
import io.patchbay.oauth.support.Captured;
import io.patchbay.oauth.support.Json;
import io.patchbay.oauth.support.RecordingApi;
import io.patchbay.oauth.support.TestProperties;
import io.patchbay.oauth.support.Tokens;
import io.patchbay.test.Api;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

import static io.patchbay.test.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The spec's role table, asserted for every endpoint: administrator (OWNER), publisher (MEMBER, DEVELOPER), viewer (VIEWER,
 * BILLING), a caller of another tenant (OWNER elsewhere) and the platform admin. Another tenant's integrations are 404;
 * naming a team one is not in is 403.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleMatrixIT implements TestPropertyProvider {
    static final String TEAM = "team_matrix";
    static final String OTHER = "team_elsewhere";
    static final String BASE = "/__api__/v1/oauth/integrations";

    record Role(String name, String token) {
    }

    final Role administrator = new Role("administrator", Tokens.token("mAdmin", TEAM, TeamRole.OWNER));
    final Role publisherMember = new Role("publisher (MEMBER)", Tokens.key(Tokens.token("mMember", TEAM, TeamRole.MEMBER)));
    final Role publisherDeveloper = new Role("publisher (DEVELOPER)", Tokens.token("mDev", TEAM, TeamRole.DEVELOPER));
    final Role viewer = new Role("viewer (VIEWER)", Tokens.token("mViewer", TEAM, TeamRole.VIEWER));
    final Role billing = new Role("viewer (BILLING)", Tokens.key(Tokens.token("mBilling", TEAM, TeamRole.BILLING)));
    final Role otherTenant = new Role("other tenant", Tokens.token("mStranger", OTHER, TeamRole.OWNER));
    final Role platformAdmin = new Role("platform admin", Tokens.admin());

    @Inject
    EmbeddedServer server;
    RecordingApi api;
    String guid;

    @Override
    public Map<String, String> getProperties() {
        return TestProperties.of("oauth_matrix");
    }

    @BeforeAll
    void setUp() {
        api = new RecordingApi(server.getURI());
        guid = integration();
    }

    String integration() {
        Api.Response r = api.post(BASE, administrator.token(), Json.of(Map.of("name", "matrix", "template", "github", "config",
                Map.of("client_id", "Iv1.matrix", "client_secret", Captured.plant()))));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("guid").asText();
    }

    /** One endpoint: how to call it (role token, a fresh integration guid when the call destroys it). */
    record Endpoint(String name, BiFunction<String, String, Api.Response> call, boolean destructive) {
    }

    List<Endpoint> endpoints() {
        String content = "/__api__/v1/content/" + UUID.randomUUID() + "/oauth/integrations/associations";
        List<Endpoint> e = new ArrayList<>();
        e.add(new Endpoint("GET integrations", (t, g) -> api.get(BASE, t), false));
        e.add(new Endpoint("POST integrations", (t, g) -> api.post(BASE, t, Json.of(Map.of("template", "github", "config",
                Map.of("client_id", "Iv1.new", "client_secret", Captured.plant()))), "X-Team-Id", TEAM), false));
        e.add(new Endpoint("GET integration", (t, g) -> api.get(BASE + "/" + g, t), false));
        e.add(new Endpoint("PATCH integration", (t, g) -> api.patch(BASE + "/" + g, t, "{\"description\":\"changed\"}"), false));
        e.add(new Endpoint("DELETE integration", (t, g) -> api.delete(BASE + "/" + g, t), true));
        e.add(new Endpoint("GET integration associations", (t, g) -> api.get(BASE + "/" + g + "/associations", t), false));
        e.add(new Endpoint("GET content associations", (t, g) -> api.get(content, t, "X-Team-Id", TEAM), false));
        e.add(new Endpoint("PUT content associations", (t, g) -> api.put(content, t, "[{\"oauth_integration_guid\":\"" + g + "\"}]",
                "X-Team-Id", TEAM), false));
        e.add(new Endpoint("GET templates", (t, g) -> api.get("/__api__/v1/oauth/templates", t), false));
        e.add(new Endpoint("GET template", (t, g) -> api.get("/__api__/v1/oauth/templates/azure", t), false));
        return e;
    }

    /** Expected status per endpoint (in {@link #endpoints()} order). */
    static final int[] ADMINISTRATOR = {200, 200, 200, 200, 204, 200, 200, 204, 200, 200};
    static final int[] PUBLISHER = {200, 403, 200, 403, 403, 403, 200, 204, 200, 200};
    static final int[] VIEWER = {403, 403, 403, 403, 403, 403, 403, 403, 403, 403};
    /** Another tenant: the team's integrations do not exist for it; naming the team is 403; templates are not tenant data. */
    static final int[] OTHER_TENANT = {200, 403, 404, 404, 404, 404, 403, 403, 200, 200};
    static final int[] PLATFORM_ADMIN = ADMINISTRATOR;

    @Test
    void everyRoleOnEveryEndpoint() {
        Map<Role, int[]> expected = new LinkedHashMap<>();
        expected.put(administrator, ADMINISTRATOR);
        expected.put(publisherMember, PUBLISHER);
        expected.put(publisherDeveloper, PUBLISHER);
        expected.put(viewer, VIEWER);
        expected.put(billing, VIEWER);
        expected.put(otherTenant, OTHER_TENANT);
        expected.put(platformAdmin, PLATFORM_ADMIN);
        int checked = 0;
        for (var entry : expected.entrySet()) {
            Role role = entry.getKey();
            List<Endpoint> endpoints = endpoints();
            for (int i = 0; i < endpoints.size(); i++) {
                Endpoint endpoint = endpoints.get(i);
                String target = endpoint.destructive() ? integration() : guid;
                Api.Response r = endpoint.call().apply(role.token(), target);
                int status = entry.getValue()[i];
                if (status >= 400) {
                    assertProblem(r, status, null);
                }
                assertThat(r.status()).as(role.name() + " × " + endpoint.name() + ": " + r).isEqualTo(status);
                if (status == 403 || status == 404) {
                    assertThat(r.raw().body()).doesNotContain("Iv1.matrix");
                }
                checked++;
            }
        }
        assertThat(checked).isEqualTo(70);
    }

    @Test
    void listsAreBoundedByTenantAndContentCountIsForAdministratorsOnly() {
        String theirs = api.post(BASE, otherTenant.token(), Json.of(Map.of("template", "github", "config",
                Map.of("client_id", "Iv1.theirs", "client_secret", Captured.plant())))).json().get("guid").asText();
        List<String> ours = api.get(BASE, administrator.token()).json().findValuesAsText("guid");
        assertThat(ours).contains(guid).doesNotContain(theirs);
        assertThat(api.get(BASE, otherTenant.token()).json().findValuesAsText("guid")).containsExactly(theirs);
        assertThat(api.get(BASE, platformAdmin.token()).json().findValuesAsText("guid")).contains(guid, theirs);
        assertThat(api.get(BASE, platformAdmin.token(), "X-Team-Id", OTHER).json().findValuesAsText("guid")).containsExactly(theirs);
        assertThat(api.get(BASE, administrator.token()).json().get(0).has("content_count")).isTrue();
        assertThat(api.get(BASE, publisherDeveloper.token()).json().get(0).has("content_count")).isFalse();
        assertThat(api.get(BASE + "/" + guid, publisherMember.token()).json().has("content_count")).isFalse();
        assertProblem(api.patch(BASE + "/" + guid, publisherDeveloper.token(), "{\"name\":\"hijack\"}"), 403, null);
        assertThat(api.get(BASE + "/" + guid, administrator.token()).json().get("name").asText()).isEqualTo("matrix");
        assertProblem(api.get(BASE, Tokens.token("loner", List.of(), false)), 400, "X-Team-Id");
        assertProblem(api.get("/__api__/v1/oauth/templates", Tokens.token("loner", List.of(), false)), 403, null);
    }
}
