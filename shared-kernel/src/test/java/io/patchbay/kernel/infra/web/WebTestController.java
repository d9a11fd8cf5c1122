package io.patchbay.kernel.infra.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.patchbay.kernel.auth.Caller;

import java.util.Map;

/** For WebSurfaceIT: a JSON endpoint, a form endpoint and a read, as the services' controllers have them. */
@Controller("/things")
@Requires(property = "web-it", value = "true")
@ExecuteOn(TaskExecutors.BLOCKING)
class WebTestController {
    @Post(consumes = {MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    Map<String, Object> create(Caller caller, @Body JsonNode body) {
        return Map.of("size", body.size());
    }

    @Post(value = "/form", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    Map<String, Object> form(Caller caller, @Nullable @Body String body) {
        return Map.of("length", body == null ? 0 : body.length());
    }

    @Get
    Map<String, Object> list(Caller caller, @Nullable @QueryValue String name) {
        return Map.of("name", name == null ? "" : name);
    }
}
