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
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mechanical proof that no secret leaks: every secret value any test of this JVM wrote ({@link Captured#plant()}) is
 * searched for in every response received (status, headers, body) and every log line (message, MDC, stack trace) of the
 * whole suite. Runs last ({@code junit-platform.properties} orders classes by {@link Order}); on its own it still plants
 * and scans its own secrets, including the paths most likely to echo one (a secret failing its regex, a secret sent
 * where the options hide it, malformed bodies carrying a secret).
 */
@Order(Integer.MAX_VALUE)
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecretLeakScanIT implements TestPropertyProvider {
    static final String BASE = "/__api__/v1/oauth/integrations";
    final String owner = Tokens.token("leakOwner", "team_leak", TeamRole.OWNER);

    @Inject
    EmbeddedServer server;
    RecordingApi api;

    @Override
    public Map<String, String> getProperties() {
        return TestProperties.of("oauth_leak");
    }

    @BeforeAll
    void setUp() {
        api = new RecordingApi(server.getURI());
    }

    /** The paths of this class: each sends a planted secret; none may come back or be logged. */
    void plantOwnSecrets() {
        String good = Captured.plant();
        Api.Response created = api.post(BASE, owner, Json.of(Map.of("template", "github", "config",
                Map.of("client_id", "Iv1.leak", "client_secret", good))));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        String path = BASE + "/" + created.json().get("guid").asText();
        String spaced = Captured.plant(Captured.plant() + " with spaces");
        assertThat(api.patch(path, owner, Json.of(Map.of("config", Map.of("client_secret", spaced)))).status()).isEqualTo(400);
        String hidden = Captured.plant();
        assertThat(api.post(BASE, owner, Json.of(Map.of("template", "azure", "config", Map.of("auth_mode", "Public",
                "client_id", "23a0078b-cd0d-489f-8e00-e5116c71db9b", "tenant_id", "a0b52758-d0b5-4b27-a6c0-13ca07eabdd7",
                "client_secret", hidden)))).status()).isEqualTo(400);
        String malformed = Captured.plant();
        assertThat(api.post(BASE, owner, "{\"template\":\"github\",\"config\":{\"client_secret\":\"" + malformed + "\"").status()).isEqualTo(400);
        String wrongType = Captured.plant();
        assertThat(api.post(BASE, owner, "{\"template\":\"github\",\"config\":{\"client_secret\":[\"" + wrongType + "\"]}}").status())
                .isEqualTo(400);
        String unknownTemplate = Captured.plant();
        assertThat(api.post(BASE, owner, Json.of(Map.of("template", "nope", "config", Map.of("client_secret", unknownTemplate)))).status())
                .isEqualTo(400);
        assertThat(api.patch(path, owner, Json.of(Map.of("config", Map.of("client_secret", Captured.plant())))).status()).isEqualTo(200);
    }

    @Test
    void noPlantedSecretAppearsInAnyResponseOrLogLine() {
        plantOwnSecrets();
        Set<String> planted = Captured.planted();
        List<String> responses = Captured.responses();
        List<String> logs = Captured.logs();
        System.out.printf("BENCHMARK oauth-secret-leak-scan planted=%d responses=%d logLines=%d%n", planted.size(), responses.size(), logs.size());
        assertThat(planted).as("secrets were written").hasSizeGreaterThanOrEqualTo(7);
        assertThat(responses).as("responses were captured").isNotEmpty();
        assertThat(logs).as("log lines were captured (access log at least)").isNotEmpty();
        assertThat(logs).as("the access log is in the scan").anyMatch(l -> l.contains(BASE));

        List<String> leaks = new ArrayList<>();
        for (String secret : planted) {
            for (String response : responses) {
                if (response.contains(secret)) {
                    leaks.add("response leaks " + secret + ": " + response.lines().findFirst().orElse(""));
                }
            }
            for (String line : logs) {
                if (line.contains(secret)) {
                    leaks.add("log leaks " + secret + ": " + line.lines().findFirst().orElse(""));
                }
            }
        }
        assertThat(leaks).as("planted secrets found in responses or logs").isEmpty();
    }

    @Test
    void theScanWouldSeeALeak() {
        String canary = Captured.plant(); // planted, then deliberately logged once: the scan must find exactly this line
        LoggerFactory.getLogger("io.patchbay.oauth.leak-canary").info("canary {}", canary);
        assertThat(Captured.logs()).anyMatch(l -> l.contains(canary));
        Captured.forget(canary);
    }
}
