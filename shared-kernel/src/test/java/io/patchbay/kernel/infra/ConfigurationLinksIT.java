package io.patchbay.kernel.infra;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.patchbay.kernel.infra.auth.TokenMinter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The configuration_id link check as a consuming service runs it: 200 / 422 / 503 with Retry-After, bounded in time. */
class ConfigurationLinksIT {
    private final HttpClient http = HttpClient.newHttpClient();
    private EmbeddedServer server;

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

    private void start(boolean withConfigService, String configServiceUrl, int port) {
        Map<String, Object> props = new HashMap<>();
        props.put("micronaut.server.port", port);
        props.put("links-it.consumer", "true");
        props.put("links-it.config-service", Boolean.toString(withConfigService));
        props.put("micronaut.http.services.config-service.url", configServiceUrl);
        props.put("micronaut.http.services.config-service.connect-timeout", "1s");
        props.put("patchbay.auth.schemes", "Bearer,Key");
        server = ApplicationContext.run(EmbeddedServer.class, props);
    }

    private HttpResponse<String> link(String id, String user, String scheme) throws Exception {
        String token = TokenMinter.dev().mint(user, List.of(), List.of(), null, Duration.ofMinutes(5));
        return http.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/link/" + id)).header("Authorization", scheme + " " + token)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void visibleConfigurationsLinkAndOthersAre422() throws Exception {
        int port = freePort();
        start(true, "http://127.0.0.1:" + port, port);
        HttpResponse<String> ok = link("icfg_good", "linker", "Bearer");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("\"teamId\":\"team_a\"");
        assertThat(link("icfg_good_off", "linker", "Key").body()).contains("disabled-by-owner");
        HttpResponse<String> missing = link("icfg_missing", "linker", "Bearer");
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(missing.body()).contains("\"field\":\"configuration_id\"");
        assertThat(link("icfg_good", "someone-else", "Bearer").statusCode()).as("the caller's own token is forwarded").isEqualTo(422);
    }

    @Test
    void anUnreachableConfigServiceIsA503QuicklyAndTheBreakerOpens() throws Exception {
        int closed = freePort();
        start(false, "http://127.0.0.1:" + closed, freePort());
        long started = System.nanoTime();
        HttpResponse<String> down = link("icfg_any", "linker", "Bearer");
        long firstMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.headers().firstValue("Retry-After")).contains("5");
        assertThat(down.body()).contains("\"code\":\"dependency_unavailable\"");
        started = System.nanoTime();
        assertThat(link("icfg_any", "linker", "Bearer").statusCode()).isEqualTo(503);
        long openMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("BENCHMARK config-service-down firstMillis=%d breakerOpenMillis=%d%n", firstMillis, openMillis);
        assertThat(firstMillis).as("a refused connection is answered well within the timeouts").isLessThan(4_000);
    }

    @Test
    void aFailingConfigServiceIsA503() throws Exception {
        int port = freePort();
        start(true, "http://127.0.0.1:" + port, port);
        HttpResponse<String> boom = link("icfg_boom", "linker", "Bearer");
        assertThat(boom.statusCode()).isEqualTo(503);
        assertThat(boom.body()).doesNotContain("\"error\"");
    }

    @Test
    void aSlowConfigServiceIsA503WithinTheTimeoutsAndOpensTheBreaker() throws Exception {
        int port = freePort();
        start(true, "http://127.0.0.1:" + port, port);
        long started = System.nanoTime();
        HttpResponse<String> slow = link("icfg_slow", "linker", "Bearer");
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(slow.statusCode()).isEqualTo(503);
        System.out.printf("BENCHMARK config-service-slow millis=%d%n", millis);
        assertThat(millis).as("two attempts of at most 2 s each, never a hang").isBetween(2_000L, 6_000L);
        started = System.nanoTime();
        assertThat(link("icfg_good", "linker", "Bearer").statusCode()).as("the breaker is open: no waiting").isEqualTo(503);
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(1_000);
    }
}
