package io.patchbay.environment.api;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patchbay.kernel.auth.TeamRole;
import io.patchbay.test.Api;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import static io.patchbay.test.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * config-service accepts connections but never answers (a listening socket nobody reads): linking is bounded by the
 * 2 s timeout and one retry, answers 503 with Retry-After, writes nothing, and the open breaker answers the next link at once.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConfigServiceSilentIT implements TestPropertyProvider {
    static final String TEAM = "team_silent";
    final String dev = Tokens.token("devUser", TEAM, TeamRole.DEVELOPER);

    @Inject
    EmbeddedServer server;
    final TestDatabase db = new TestDatabase("env_silent");
    ServerSocket silent;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = db.serviceProperties();
        try {
            silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        props.put("micronaut.http.services.config-service.url", "http://127.0.0.1:" + silent.getLocalPort());
        return props;
    }

    @AfterAll
    void close() throws IOException {
        silent.close();
    }

    @Test
    void linkingIsBoundedByTheTimeoutAndTheRetryThenTheBreakerAnswersAtOnce() {
        Api api = new Api(server.getURI());
        ApiFixture fx = new ApiFixture(api);
        String integration = fx.integration(dev, "silent-app", "crm", "allow").get("id").asText();
        String env = fx.environment(dev, "silent-env").get("id").asText();
        String body = "{\"integration_id\":\"" + integration + "\",\"environment_id\":\"" + env
                + "\",\"configuration_id\":\"icfg_" + "B".repeat(24) + "\"}";

        long started = System.nanoTime();
        Api.Response first = api.post("/environment-integration", dev, body);
        long firstMillis = (System.nanoTime() - started) / 1_000_000;
        assertProblem(first, 503, null);
        assertThat(first.json().get("code").asText()).isEqualTo("dependency_unavailable");
        assertThat(first.header("Retry-After")).isEqualTo("5");

        started = System.nanoTime();
        assertProblem(api.post("/environment-integration", dev, body), 503, null);
        long openMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("BENCHMARK environment-service config-service-silent firstMillis=%d breakerOpenMillis=%d%n", firstMillis, openMillis);
        assertThat(firstMillis).as("two attempts of at most 2 s each").isBetween(1_900L, 6_000L);
        assertThat(openMillis).as("the open breaker answers at once").isLessThan(1_000);

        assertThat(db.number("SELECT count(*) FROM environment_integration")).as("nothing written").isZero();
    }
}
