package io.patchbay.oauth.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.patchbay.kernel.infra.link.LinkedConfiguration;

import java.util.Map;

/**
 * config-service's {@code GET /v1/integrations/configuration/{id}} with controlled answers, hosted by the service under test
 * (the pattern of shared-kernel's LinkTestControllers): ids containing {@code Missing} are 404, {@code Off} disabled;
 * a caller whose token is not forwarded as {@code Bearer} sees nothing (config-service only takes Bearer).
 */
@Controller("/v1/integrations/configuration")
@Requires(property = "oauth-it.config-service", value = "true")
@ExecuteOn(TaskExecutors.BLOCKING)
class ConfigServiceStandIn {
    @Get("/{id}")
    HttpResponse<?> get(@PathVariable String id, @Nullable @Header("Authorization") String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ") || id.contains("Missing")) {
            return HttpResponse.notFound(Map.of("code", "not_found"));
        }
        boolean off = id.contains("Off");
        return HttpResponse.ok(new LinkedConfiguration(id, "team_linked", "team_linked", "linker", off ? 1_700_000_000_000L : null,
                off ? "disabled-by-owner" : null, null));
    }
}
