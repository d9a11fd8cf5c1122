package io.patchbay.environment.api;

import io.patchbay.test.Api;

import static io.patchbay.test.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The link-while-config-service-is-away scenario: two linked installs in a row, both 503 {@code dependency_unavailable}
 * with {@code Retry-After}, nothing written; the time of the first (timeouts and retry) and of the second (open breaker).
 */
final class ConfigServiceOutage {
    record Timings(long firstMillis, long breakerOpenMillis, String integration, String environment) {
    }

    private ConfigServiceOutage() {
    }

    static Timings linkTwice(Api api, String token, String name, TestDatabase db) {
        ApiFixture fx = new ApiFixture(api);
        String integration = fx.integration(token, name + "-app", "crm", "allow").get("id").asText();
        String env = fx.environment(token, name + "-env").get("id").asText();
        String body = "{\"integration_id\":\"" + integration + "\",\"environment_id\":\"" + env
                + "\",\"configuration_id\":\"icfg_" + "A".repeat(24) + "\"}";

        long started = System.nanoTime();
        Api.Response first = api.post("/environment-integration", token, body);
        long firstMillis = (System.nanoTime() - started) / 1_000_000;
        assertProblem(first, 503, null);
        assertThat(first.json().get("code").asText()).isEqualTo("dependency_unavailable");
        assertThat(first.header("Retry-After")).isEqualTo("5");

        started = System.nanoTime();
        assertProblem(api.post("/environment-integration", token, body), 503, null);
        long openMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("BENCHMARK environment-service config-service-%s firstMillis=%d breakerOpenMillis=%d%n", name, firstMillis,
                openMillis);
        assertThat(openMillis).as("the open breaker answers at once").isLessThan(1_000);
        assertThat(db.number("SELECT count(*) FROM environment_integration")).as("nothing written").isZero();
        return new Timings(firstMillis, openMillis, integration, env);
    }
}
