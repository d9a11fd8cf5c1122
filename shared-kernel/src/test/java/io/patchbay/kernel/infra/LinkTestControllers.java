package io.patchbay.kernel.infra;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.infra.link.ConfigurationLinks;
import io.patchbay.kernel.infra.link.LinkedConfiguration;

import java.util.Map;

/** For ConfigurationLinksIT: config-service's read endpoint with controlled answers, and a service that links. */
final class LinkTestControllers {
    private LinkTestControllers() {
    }

    @Controller("/v1/integrations/configuration")
    @Requires(property = "links-it.config-service", value = "true")
    @ExecuteOn(TaskExecutors.BLOCKING)
    static class StandInConfigService {
        @Get("/{id}")
        HttpResponse<?> get(Caller caller, @PathVariable String id) throws InterruptedException {
            if (id.contains("slow")) {
                Thread.sleep(3_000);
            }
            if (id.contains("boom")) {
                return HttpResponse.serverError(Map.of("error", "boom"));
            }
            if (id.contains("missing") || !caller.userId().equals("linker")) {
                return HttpResponse.notFound(Map.of("code", "not_found"));
            }
            return HttpResponse.ok(new LinkedConfiguration(id, "team_a", "team_a", "linker", id.contains("off") ? 1L : null,
                    id.contains("off") ? "disabled-by-owner" : null, null));
        }
    }

    @Controller("/link")
    @Requires(property = "links-it.consumer", value = "true")
    @ExecuteOn(TaskExecutors.BLOCKING)
    static class LinkingService {
        private final ConfigurationLinks links;

        LinkingService(ConfigurationLinks links) {
            this.links = links;
        }

        @Get("/{id}")
        LinkedConfiguration link(Caller caller, @PathVariable String id) {
            return links.require(id, "configuration_id");
        }
    }
}
