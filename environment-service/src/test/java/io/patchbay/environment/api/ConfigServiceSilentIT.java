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
        ConfigServiceOutage.Timings t = ConfigServiceOutage.linkTwice(new Api(server.getURI()), dev, "silent", db);
        assertThat(t.firstMillis()).as("two attempts of at most 2 s each").isBetween(1_900L, 6_000L);
    }
}
