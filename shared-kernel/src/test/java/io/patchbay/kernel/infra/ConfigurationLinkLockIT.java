package io.patchbay.kernel.infra;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.patchbay.kernel.infra.auth.TokenMinter;
import io.patchbay.test.TestInfra;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ConfigurationLinks.link against a real PostgreSQL and a stand-in config-service: the caller's write runs while the
 * configuration's projection row is locked (the row lock LifecycleInbox takes before a handler runs), and the merge —
 * config-service's answer before any event, the events once there are some, deleted → 422.
 */
class ConfigurationLinkLockIT {
    private final HttpClient http = HttpClient.newHttpClient();
    private final TestInfra infra = TestInfra.get();
    private String jdbcUrl;
    private EmbeddedServer server;

    @BeforeEach
    void start() throws Exception {
        jdbcUrl = infra.newDatabase("kernel_link");
        try (Connection c = DriverManager.getConnection(jdbcUrl, infra.user(), infra.password()); Statement st = c.createStatement()) {
            try (var in = getClass().getResourceAsStream("/db/kernel/inbox/V0_2__patchbay_kernel_inbox.sql")) {
                st.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        int port = freePort();
        Map<String, Object> props = new HashMap<>();
        props.put("micronaut.server.port", port);
        props.put("links-it.config-service", "true");
        props.put("links-it.database", "true");
        props.put("micronaut.http.services.config-service.url", "http://127.0.0.1:" + port);
        props.put("datasources.default.url", jdbcUrl);
        props.put("datasources.default.username", infra.user());
        props.put("datasources.default.password", infra.password());
        props.put("datasources.default.driver-class-name", "org.postgresql.Driver");
        server = ApplicationContext.run(EmbeddedServer.class, props);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.getApplicationContext().close();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String id(String marker) {
        return "icfg_" + marker + "0".repeat(24 - marker.length());
    }

    private HttpResponse<String> link(String id) throws Exception {
        String token = TokenMinter.dev().mint("linker", List.of(), List.of(), null, Duration.ofMinutes(5));
        return http.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/locked-link/" + id)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void project(String id, String state, String reason, long version) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, infra.user(), infra.password());
             PreparedStatement ps = c.prepareStatement("INSERT INTO configuration_projection (configuration_id, state, reason, version, updated_at) "
                     + "VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, state);
            ps.setString(3, reason);
            ps.setLong(4, version);
            ps.setTimestamp(5, Timestamp.from(Instant.now()));
            ps.executeUpdate();
        }
    }

    @Test
    void theWriteRunsUnderTheProjectionRowLockAndTheEventsDecideOnceThereAreAny() throws Exception {
        HttpResponse<String> active = link(id("good"));
        assertThat(active.statusCode()).as(active.body()).isEqualTo(200);
        assertThat(active.body()).as("no event yet: config-service's answer; another transaction cannot lock the row meanwhile")
                .contains("\"disabled_reason\":\"none\"", "\"locked_for_others\":true");
        assertThat(link(id("goodoff")).body()).contains("\"disabled_reason\":\"disabled-by-owner\"");

        project(id("later"), "DISABLED", "account-plan-downgrade", 3);
        assertThat(link(id("later")).body()).as("a disable applied here wins over config-service's 'active'")
                .contains("\"disabled_reason\":\"account-plan-downgrade\"");
        project(id("lateroff"), "ACTIVE", null, 4);
        assertThat(link(id("lateroff")).body()).as("an enable applied here wins over config-service's 'disabled'")
                .contains("\"disabled_reason\":\"none\"");
        project(id("gone"), "DELETED", null, 5);
        HttpResponse<String> deleted = link(id("gone"));
        assertThat(deleted.statusCode()).isEqualTo(422);
        assertThat(deleted.body()).contains("\"field\":\"configuration_id\"");
        assertThat(link(id("missing")).statusCode()).isEqualTo(422);
    }
}
