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
import io.patchbay.kernel.infra.web.request.RequestRecord;
import io.micronaut.serde.annotation.Serdeable;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;
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

    /** A request record as the services declare theirs: wire names, a nested record, constraints. */
    @RequestRecord
    @Serdeable
    record ThingRequest(@NotBlank @Size(max = 20) String name, @JsonProperty("display_name") @Nullable String displayName,
                        @Nullable Integer count, @Nullable Boolean enabled, @Nullable List<@NotBlank String> tags,
                        @Valid @Nullable Owner owner, @Nullable Map<String, String> labels, @Nullable JsonNode config) {
    }

    @RequestRecord
    @Serdeable
    record Owner(@JsonProperty("user_id") @NotBlank String userId, @Nullable @Min(1) Integer level) {
    }

    @Post(value = "/typed", consumes = MediaType.APPLICATION_JSON)
    Map<String, Object> typed(Caller caller, @Valid @Body ThingRequest body) {
        return Map.of("name", body.name(), "displayName", body.displayName() == null ? "" : body.displayName(),
                "owner", body.owner() == null ? "" : body.owner().userId(), "tags", body.tags() == null ? List.of() : body.tags());
    }

    @Post(value = "/typed-list", consumes = MediaType.APPLICATION_JSON)
    Map<String, Object> typedList(Caller caller, @Valid @Body List<@Valid Owner> body) {
        return Map.of("owners", body.stream().map(Owner::userId).toList());
    }

    @Get
    Map<String, Object> list(Caller caller, @Nullable @QueryValue String name) {
        return Map.of("name", name == null ? "" : name);
    }
}
