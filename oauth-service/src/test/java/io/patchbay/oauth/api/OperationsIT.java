package io.patchbay.oauth.api;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patchbay.oauth.support.RecordingApi;
import io.patchbay.oauth.support.TestProperties;
import io.patchbay.test.Api;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Health (DB and Kafka readiness), Prometheus, the generated OpenAPI document with the seed's path and both auth schemes, request ids. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperationsIT implements TestPropertyProvider {
    @Inject
    EmbeddedServer server;
    RecordingApi api;

    @Override
    public Map<String, String> getProperties() {
        return TestProperties.of("oauth_ops");
    }

    @BeforeAll
    void setUp() {
        api = new RecordingApi(server.getURI());
    }

    @Test
    void healthMetricsAndApiDocsNeedNoToken() {
        Api.Response readiness = api.get("/health/readiness", null);
        assertThat(readiness.status()).as(readiness.toString()).isEqualTo(200);
        assertThat(readiness.raw().body()).contains("UP");
        assertThat(api.get("/health/liveness", null).status()).isEqualTo(200);
        assertThat(api.get("/prometheus", null).raw().body()).contains("jvm_memory_used_bytes");
        Api.Response openapi = api.get("/openapi/oauth-service.yml", null);
        assertThat(openapi.status()).isEqualTo(200);
        assertThat(openapi.raw().body()).contains("/__api__/v1/oauth/integrations/{guid}:", "/__api__/v1/oauth/templates/{key}:",
                "/__api__/v1/content/{content_guid}/oauth/integrations/associations:", "/__api__/v1/oauth/integrations/{guid}/verify:",
                "/__api__/v1/oauth/integrations/credentials:", "/__api__/v1/oauth/sessions/{guid}:", "/__oauth__/integrations/{guid}/login:",
                "/__oauth__/integrations/callback:", "bearer:", "key:", "created_time", "auth_type", "oauth_integration_guid", "issued_token_type")
                .as("the caller is bound from the token, not a body field").doesNotContain("schemas/Caller");
        assertThat(api.get("/swagger-ui/index.html", null).status()).isEqualTo(200);
    }

    @Test
    void requestIdsAreEchoed() {
        Api.Response r = api.get("/__api__/v1/oauth/integrations", null, "X-Request-Id", "req-oauth-1");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("X-Request-Id")).isEqualTo("req-oauth-1");
    }
}
