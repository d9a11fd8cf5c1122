package io.patchbay.catalog.adapter.in.web;

import io.micronaut.serde.annotation.Serdeable;
import io.patchbay.kernel.infra.web.request.RequestRecord;
import jakarta.validation.constraints.NotNull;

import java.util.Map;

/** PUT of a resource's user tags: all of them (string values; how many and how long is the use case's rule). */
@RequestRecord
@Serdeable
record UpdateResourceTagsRequest(@NotNull Map<String, @NotNull String> tags) {
}
