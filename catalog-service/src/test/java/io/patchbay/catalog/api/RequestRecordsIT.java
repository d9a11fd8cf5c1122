package io.patchbay.catalog.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patchbay.kernel.auth.TeamRole;
import io.patchbay.test.Api;
import io.patchbay.test.TestInfra;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.patchbay.test.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The typed request records over HTTP: the records' constraints answer as 400s naming the wire fields, on the POSTs
 * (validated as {@code @Valid @Body}) and on the integrations' PUTs alike (read as trees for {@code configuration_id},
 * bound to the same records and validated by {@code ReplaceBodies}); null values where strings are required are 400s,
 * never a 500.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestRecordsIT implements TestPropertyProvider {
    @Inject
    EmbeddedServer server;

    private Api api;
    private final String owner = Tokens.token("rita", "team_records", TeamRole.OWNER);

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(TestInfra.get().micronautProperties(TestInfra.get().newDatabase("catalog_records")));
        props.put("patchbay.discovery.enabled", "false");
        props.put("patchbay.consumer.enabled", "false");
        return props;
    }

    private Api api() {
        if (api == null) {
            api = new Api(server.getURI());
        }
        return api;
    }

    private static List<String> fields(Api.Response r) {
        List<String> fields = new ArrayList<>();
        r.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    private static String message(Api.Response r, String field) {
        for (JsonNode e : r.json().get("errors")) {
            if (e.get("field").asText().equals(field)) {
                return e.get("message").asText();
            }
        }
        throw new AssertionError("no error for " + field + " in " + r);
    }

    @Test
    void constraintsOfThePostsNameTheWireFields() {
        Api.Response missing = api().post("/api/admin/v4/integrations", owner, "{\"integration_config\":{}}");
        assertProblem(missing, 400, "name");
        assertThat(fields(missing)).containsExactly("name", "type");
        assertThat(message(missing, "name")).isEqualTo("is required");
        Api.Response nested = api().post("/api/admin/v4/integrations", owner, "{\"name\":\"n\",\"type\":\"postgresql\",\"integration_config\":"
                + "{\"hostname\":\"h\"},\"secret_store_config\":{\"hashicorp_vault\":{\"path\":\" \"}},\"owners_mapping\":{\"key_name\":\"k\"}}");
        assertThat(fields(nested)).containsExactly("owners_mapping.attribute_type", "secret_store_config.hashicorp_vault.path",
                "secret_store_config.hashicorp_vault.secret_engine");
        assertThat(message(nested, "secret_store_config.hashicorp_vault.path")).isEqualTo("is required");
        Api.Response v2 = api().post("/api/v2/integrations", owner, "{\"name\":\"\",\"metadata\":{},\"secret_config\":{}}");
        assertThat(fields(v2)).containsExactly("name", "secret_config.type", "type");
        assertThat(message(v2, "name")).isEqualTo("must not be blank");
    }

    @Test
    void nullWhereAStringIsRequiredIsA400() {
        assertProblem(api().post("/api/admin/v4/integrations", owner, "{\"name\":\"n\",\"type\":\"kafka\",\"integration_config\":"
                + "{\"bootstrap_servers\":null}}"), 400, "integration_config.bootstrap_servers");
        assertProblem(api().post("/api/admin/v4/integrations", owner, "{\"name\":\"n\",\"type\":\"postgresql\",\"integration_config\":"
                + "{\"hostname\":\"h\"},\"secret_store_config\":{\"apono\":{\"parameters\":{\"username\":null}}}}"), 400,
                "secret_store_config.apono.parameters.username");
        assertProblem(api().post("/api/admin/v4/integrations", owner, "{\"name\":\"n\",\"type\":\"kafka\",\"integration_config\":"
                + "{\"bootstrap_servers\":\"h:1\"},\"connected_resource_types\":[null]}"), 400, "connected_resource_types[0]");
        Api.Response created = api().post("/api/admin/v4/integrations", owner, IntegrationApiIT.kafka("Tagged"));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
    }

    @Test
    void thePutsAreValidatedLikeThePosts() {
        Api.Response created = api().post("/api/admin/v4/integrations", owner, IntegrationApiIT.kafka("Replaced by records"));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        String id = created.json().get("id").asText();
        Api.Response v4 = api().send("PUT", "/api/admin/v4/integrations/" + id, owner, "{\"integration_config\":{},\"owner\":"
                + "{\"attribute_value\":[]}}");
        assertProblem(v4, 400, "name");
        assertThat(fields(v4)).containsExactly("name", "owner.attribute_type", "owner.attribute_value");
        assertThat(message(v4, "owner.attribute_value")).isEqualTo("is required: an array of at least one string");
        Api.Response v2 = api().send("PUT", "/api/v2/integrations/" + id, owner, "{\"name\":\" \"}");
        assertThat(fields(v2)).containsExactly("metadata", "name");
        Api.Response unknown = api().send("PUT", "/api/v2/integrations/" + id, owner, "{\"name\":\"x\",\"metadata\":{},\"owner\":{}}");
        assertProblem(unknown, 400, "owner");
        assertThat(message(unknown, "owner")).startsWith("is not a known field (known: name, type, provisioner_id, metadata,");
        // a PUT that leaves configuration_id out keeps the link; one that sends null unlinks (no link here: both are 200)
        Api.Response kept = api().send("PUT", "/api/admin/v4/integrations/" + id, owner, IntegrationApiIT.kafka("Replaced by records"));
        assertThat(kept.status()).as(kept.toString()).isEqualTo(200);
        Api.Response badLink = api().send("PUT", "/api/admin/v4/integrations/" + id, owner, IntegrationApiIT.kafka("Replaced by records")
                .replace("}}", "},\"configuration_id\":\"cfg-1\"}"));
        assertProblem(badLink, 400, "configuration_id");
        assertThat(message(badLink, "configuration_id")).isEqualTo("must be a configuration id (icfg_ and 24 letters or digits)");
    }
}
