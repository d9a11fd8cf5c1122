package io.patchbay.environment.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.patchbay.test.Api;

import static org.assertj.core.api.Assertions.assertThat;

/** Creates environments, integrations and installs over HTTP for the tests. */
final class ApiFixture {
    static final String ZENDESK_CONFIG = """
            {"base_url":"https://api.example.com","label":"Example API","logo":"https://example.com/logo.png",
             "headers":{"Content-Type":"application/json","Accept":"application/json","User-Agent":"truto"},
             "authorization":{"format":"bearer","config":{"value":"{{oauth.token.access_token}}"}},
             "pagination":{"format":"page","config":{"page_key":"page","limit_key":"per_page"}},
             "resources":{"users":{"list":{"method":"get","path":"/users","response_path":"data.users"}}}}""";

    private final Api api;

    ApiFixture(Api api) {
        this.api = api;
    }

    JsonNode environment(String token, String name) {
        Api.Response r = api.post("/environment", token, "{\"name\":\"" + name + "\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    JsonNode integration(String token, String name, String category, String sharing) {
        return integration(token, name, category, sharing, ZENDESK_CONFIG);
    }

    JsonNode integration(String token, String name, String category, String sharing, String config) {
        Api.Response r = api.post("/integration", token, "{\"name\":\"" + name + "\",\"category\":\"" + category + "\",\"sharing\":\""
                + sharing + "\",\"config\":" + config + "}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    JsonNode install(String token, String integrationId, String environmentId, String extra) {
        Api.Response r = api.post("/environment-integration", token, "{\"integration_id\":\"" + integrationId + "\",\"environment_id\":\""
                + environmentId + "\"" + (extra == null ? "" : "," + extra) + "}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }
}
