package io.patchbay.config.api;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patchbay.kernel.auth.TeamRole;
import io.patchbay.test.Api;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.SQLException;
import java.util.Map;

import static io.patchbay.test.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A value in the service's own rows that no enum knows (a migration or a manual change gone wrong) is bad data, the
 * service's fault: the caller gets the 500 internal error, never a 400 blaming a field it did not send.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoredDataIT implements TestPropertyProvider {
    static final String TEAM = "team_storedData";
    final String owner = Tokens.token("ownerUser", TEAM, TeamRole.OWNER);

    @Inject
    EmbeddedServer server;
    final TestDatabase db = new TestDatabase("config_stored");

    @Override
    public Map<String, String> getProperties() {
        return db.serviceProperties();
    }

    @Test
    void anUnknownStoredEnumValueIsAnInternalErrorNotTheCallersBadInput() throws SQLException {
        Api api = new Api(server.getURI());
        assertThat(api.post("/v1/integrations/apps", Tokens.admin(), """
                {"slug":"slack","name":"Slack","scopes":["read:project"]}
                """).status()).isEqualTo(201);
        Api.Response created = api.post("/v1/integrations/configurations", owner,
                "{\"integrationIdOrSlug\":\"slack\",\"scopes\":[\"read:project\"],\"source\":\"marketplace\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asText();
        String path = "/v1/integrations/configuration/" + id;
        assertThat(api.get(path, owner).status()).isEqualTo(200);

        db.execute("UPDATE configuration SET source = 'carrier-pigeon' WHERE id = '" + id + "'");

        Api.Response read = api.get(path, owner);
        assertProblem(read, 500, null);
        assertThat(read.json().get("code").asText()).isEqualTo("internal_error");
        assertThat(read.raw().body()).as("the caller is not told about a field it never sent").doesNotContain("carrier-pigeon")
                .doesNotContain("must be one of");
    }
}
