package io.patchbay.kernel.infra.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.patchbay.kernel.auth.TeamMembership;
import io.patchbay.kernel.auth.TeamRole;
import io.patchbay.kernel.infra.auth.TokenMinter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every management endpoint an operator may turn on, turned on: still admins only, and none answers 5xx ({@code /beans}
 * failed with "Duplicate key …DefaultRuntimeBeanDefinition"). The services' shipped settings (most of them off) are
 * checked by each service's ManagementSurfaceIT.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManagementEndpointsIT {
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private EmbeddedServer server;
    private final String admin = TokenMinter.dev().mint("root", List.of(), List.of("admin"), null, Duration.ofMinutes(5));
    private final String tenant = TokenMinter.dev().mint("owner", List.of(new TeamMembership("team_a", TeamRole.OWNER)), List.of(), null,
            Duration.ofMinutes(5));

    @BeforeAll
    void start() {
        server = ApplicationContext.run(EmbeddedServer.class, Map.ofEntries(Map.entry("micronaut.server.port", "-1"),
                Map.entry("endpoints.all.path", "/"), Map.entry("endpoints.all.sensitive", "true"),
                Map.entry("endpoints.health.sensitive", "false"), Map.entry("endpoints.health.details-visible", "AUTHENTICATED"),
                Map.entry("endpoints.threaddump.enabled", "true"), Map.entry("endpoints.routes.enabled", "true"),
                Map.entry("endpoints.beans.enabled", "true"), Map.entry("endpoints.refresh.enabled", "true"),
                Map.entry("endpoints.loggers.enabled", "true"), Map.entry("endpoints.info.enabled", "true"),
                Map.entry("patchbay.management.loggers-write.enabled", "true")));
    }

    @AfterAll
    void stop() {
        server.getApplicationContext().close();
    }

    private HttpResponse<String> send(String method, String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.getURL() + path)).timeout(Duration.ofSeconds(30))
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{\"configuredLevel\":\"INFO\"}"))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void turnedOnTheyAnswerAdminsWithoutErrorsAndNoOneElse() throws Exception {
        for (String request : List.of("GET /beans", "GET /threaddump", "GET /routes", "GET /info", "GET /loggers", "GET /loggers/ROOT",
                "POST /loggers/io.patchbay.test", "POST /refresh")) {
            String method = request.substring(0, request.indexOf(' '));
            String path = request.substring(request.indexOf(' ') + 1);
            HttpResponse<String> anonymous = send(method, path, null);
            assertThat(anonymous.statusCode()).as("anonymous " + request).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("Content-Type")).as(request).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
            HttpResponse<String> asTenant = send(method, path, tenant);
            assertThat(asTenant.statusCode()).as("tenant " + request + ": " + asTenant.body()).isEqualTo(403);
            assertThat(json.readTree(asTenant.body()).get("code").asText()).isEqualTo("forbidden");
            HttpResponse<String> asAdmin = send(method, path, admin);
            assertThat(asAdmin.statusCode()).as("admin " + request + ": " + asAdmin.body()).isBetween(200, 299);
        }
    }

    @Test
    void healthDetailsAreForAdminsOnly() throws Exception {
        for (String path : List.of("/health", "/health/readiness", "/health/liveness")) {
            for (String token : java.util.Arrays.asList(null, tenant, "not-a-token")) {
                JsonNode body = json.readTree(send("GET", path, token).body());
                assertThat(body.properties()).as(path + " " + body).hasSize(1);
                assertThat(body.has("status")).isTrue();
            }
        }
        assertThat(json.readTree(send("GET", "/health", admin).body()).has("details")).isTrue();
    }
}
