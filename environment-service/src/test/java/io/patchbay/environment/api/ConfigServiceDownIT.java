package io.patchbay.environment.api;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patchbay.kernel.auth.TeamRole;
import io.patchbay.test.Api;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** config-service unreachable (its URL is a closed port): linking answers 503 quickly with Retry-After and writes nothing. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConfigServiceDownIT implements TestPropertyProvider {
    static final String TEAM = "team_down";
    final String dev = Tokens.token("devUser", TEAM, TeamRole.DEVELOPER);

    @Inject
    EmbeddedServer server;
    final TestDatabase db = new TestDatabase("env_down");

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = db.serviceProperties();
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        props.put("micronaut.http.services.config-service.url", "http://127.0.0.1:" + closed);
        return props;
    }

    @Test
    void linkingAnswers503QuicklyAndNothingIsWritten() {
        Api api = new Api(server.getURI());
        ConfigServiceOutage.Timings t = ConfigServiceOutage.linkTwice(api, dev, "down", db);
        assertThat(t.firstMillis()).as("a refused connection is answered well within the timeouts").isLessThan(4_000);
        assertThat(api.get("/environment-integration?environment_id=" + t.environment(), dev).json().get("result")).isEmpty();
        Api.Response unlinked = api.post("/environment-integration", dev, "{\"integration_id\":\"" + t.integration()
                + "\",\"environment_id\":\"" + t.environment() + "\"}");
        assertThat(unlinked.status()).as("installs without a link do not need config-service").isEqualTo(201);
    }
}
