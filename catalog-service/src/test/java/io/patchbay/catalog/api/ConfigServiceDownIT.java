package io.patchbay.catalog.api;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patchbay.kernel.auth.TeamRole;
import io.patchbay.test.Api;
import io.patchbay.test.TestInfra;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

import static io.patchbay.test.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** config-service unreachable: a configuration_id link is a quick 503 dependency_unavailable with Retry-After; no link, no call. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConfigServiceDownIT implements TestPropertyProvider {
    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(TestInfra.get().micronautProperties(TestInfra.get().newDatabase("catalog_down")));
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        props.put("micronaut.http.services.config-service.url", "http://127.0.0.1:" + closed);
        props.put("micronaut.http.services.config-service.connect-timeout", "1s");
        props.put("patchbay.discovery.enabled", "false");
        props.put("patchbay.consumer.enabled", "false");
        return props;
    }

    @Test
    void aLinkWhileConfigServiceIsDownIsA503WithRetryAfter() {
        Api api = new Api(server.getURI());
        String token = Tokens.token("dan", "team_down", TeamRole.OWNER);
        String body = "{\"name\":\"Down\",\"type\":\"kafka\",\"integration_config\":{\"bootstrap_servers\":\"h:1\"},\"configuration_id\":\"icfg_any000000000000000000000\"}";
        long started = System.nanoTime();
        Api.Response r = api.post("/api/admin/v4/integrations", token, body);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertProblem(r, 503, null);
        assertThat(r.json().get("code").asText()).isEqualTo("dependency_unavailable");
        assertThat(r.header("Retry-After")).isEqualTo("5");
        assertThat(millis).isLessThan(4_000);
        System.out.printf("BENCHMARK catalog-config-service-down linkMillis=%d%n", millis);
        assertThat(api.get("/api/admin/v4/integrations?name=Down", token).json().get("items")).as("nothing was created").isEmpty();
        assertThat(api.post("/api/admin/v4/integrations", token, body.replace(",\"configuration_id\":\"icfg_any000000000000000000000\"", "")).status()).isEqualTo(200);
    }
}
