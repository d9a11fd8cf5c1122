package io.patchbay.environment.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.infra.link.LinkedConfiguration;

import java.util.Map;

/**
 * config-service's read endpoint with controlled answers, hosted by the service under test (its config-service URL points
 * at itself): ids containing "missing" or callers other than "linker" are 404; ids containing "off" are disabled.
 */
@Controller("/v1/integrations/configuration")
@Requires(property = "env-it.config-service", value = "true")
@ExecuteOn(TaskExecutors.BLOCKING)
class StandInConfigService {
    @Get("/{id}")
    HttpResponse<?> get(Caller caller, @PathVariable String id) {
        if (id.contains("missing") || !caller.userId().equals("linker")) {
            return HttpResponse.notFound(Map.of("code", "not_found"));
        }
        boolean off = id.contains("off");
        return HttpResponse.ok(new LinkedConfiguration(id, LifecycleConsumerIT.TEAM, LifecycleConsumerIT.TEAM, "linker", off ? 1L : null,
                off ? "disabled-by-owner" : null, null));
    }
}
