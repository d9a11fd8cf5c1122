package io.patchbay.environment.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ListResponse<T>(List<T> result, @JsonProperty("next_cursor") String nextCursor) {
}
