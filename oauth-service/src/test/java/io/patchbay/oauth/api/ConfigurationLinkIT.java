package io.patchbay.oauth.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.auth.TeamMembership;
import io.patchbay.kernel.auth.TeamRole;
import io.patchbay.kernel.error.DomainException;
import io.patchbay.kernel.id.Ids;
import io.patchbay.oauth.application.port.in.UseIntegrationUseCase;
import io.patchbay.oauth.application.port.in.UseIntegrationUseCase.Need;
import io.patchbay.oauth.support.Captured;
import io.patchbay.oauth.support.Db;
import io.patchbay.oauth.support.Json;
import io.patchbay.oauth.support.RecordingApi;
import io.patchbay.oauth.support.TestProperties;
import io.patchbay.oauth.support.Tokens;
import io.patchbay.test.Api;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static io.patchbay.test.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** configuration_id links checked with config-service (a stand-in here), the projection for late links, and the 409 use rule. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConfigurationLinkIT implements TestPropertyProvider {
    static final String TEAM = "team_linked";
    static final String BASE = "/__api__/v1/oauth/integrations";
    final String owner = Tokens.token("linker", TEAM, TeamRole.OWNER);
    final Caller ownerCaller = new Caller("linker", List.of(new TeamMembership(TEAM, TeamRole.OWNER)), Set.of(), Optional.empty());

    @Inject
    EmbeddedServer server;
    @Inject
    UseIntegrationUseCase use;
    RecordingApi api;
    String jdbcUrl;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = TestProperties.of("oauth_links");
        TestProperties.withConfigServiceStandIn(props);
        jdbcUrl = props.get("datasources.default.url");
        return props;
    }


    @BeforeAll
    void setUp() {
        api = new RecordingApi(server.getURI());
    }

    static String configurationId(String marker) {
        return "icfg_" + marker + Ids.prefixed("", 24 - marker.length());
    }

    Api.Response link(String token, String configurationId, String secret) {
        return api.post(BASE, token, Json.of(Map.of("name", "linked", "template", "github", "configuration_id", configurationId,
                "config", Map.of("client_id", "Iv1.linked", "client_secret", secret))));
    }

    @Test
    void aVisibleConfigurationLinksAndTheKeyTokenIsForwardedAsBearer() {
        String id = configurationId("Good");
        Api.Response r = link(Tokens.key(owner), id, Captured.plant());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("configuration_id").asText()).isEqualTo(id);
        assertThat(r.json().get("state").asText()).isEqualTo("active");
        assertThat(r.json().get("disabled_reason").isNull()).isTrue();
    }

    @Test
    void aMissingOrInvisibleConfigurationIs422AndNothingIsStored() {
        int before = api.get(BASE, owner).json().size();
        Api.Response r = link(owner, configurationId("Missing"), Captured.plant());
        assertProblem(r, 422, "configuration_id");
        assertThat(api.get(BASE, owner).json().size()).isEqualTo(before);
    }

    @Test
    void aDisabledConfigurationGivesADisabledIntegrationThatRefusesUseWith409() {
        String secret = Captured.plant();
        JsonNode created = link(owner, configurationId("Off"), secret).json();
        assertThat(created.get("state").asText()).isEqualTo("disabled");
        assertThat(created.get("disabled_reason").asText()).isEqualTo("disabled-by-owner");
        UUID guid = UUID.fromString(created.get("guid").asText());
        assertThatThrownBy(() -> use.requireUsable(ownerCaller, null, guid, Need.PUBLISHER)).isInstanceOf(DomainException.Conflict.class);

        JsonNode active = link(owner, configurationId("Good"), secret).json();
        UseIntegrationUseCase.Usable usable = use.requireUsable(ownerCaller, null, UUID.fromString(active.get("guid").asText()), Need.PUBLISHER);
        assertThat(usable.secrets().get("client_secret")).as("the second key path: sealed value opens to what was written").isEqualTo(secret);
        assertThat(usable.toString()).doesNotContain(secret);
    }

    @Test
    void anIntegrationLinkedAfterTheEventsStartsInTheProjectedState() throws Exception {
        String disabled = configurationId("Late");
        String deleted = configurationId("Gone");
        String insert = "INSERT INTO configuration_projection (configuration_id, state, reason, version, updated_at) VALUES (?, ?, ?, 3, now())";
        new Db(jdbcUrl).execute(insert, disabled, "DISABLED", "account-plan-downgrade");
        new Db(jdbcUrl).execute(insert, deleted, "DELETED", null);
        JsonNode late = link(owner, disabled, Captured.plant()).json();
        assertThat(late.get("state").asText()).isEqualTo("disabled");
        assertThat(late.get("disabled_reason").asText()).isEqualTo("account-plan-downgrade");
        assertProblem(link(owner, deleted, Captured.plant()), 422, "configuration_id");
    }
}
