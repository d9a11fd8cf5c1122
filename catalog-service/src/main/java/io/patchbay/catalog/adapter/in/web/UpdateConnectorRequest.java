package io.patchbay.catalog.adapter.in.web;

import io.micronaut.serde.annotation.Serdeable;
import io.patchbay.kernel.infra.web.request.RequestRecord;
import jakarta.validation.constraints.NotBlank;

/** PUT of a connector: its name (registers the connector when the id is new). */
@RequestRecord
@Serdeable
record UpdateConnectorRequest(@NotBlank String name) {
}
