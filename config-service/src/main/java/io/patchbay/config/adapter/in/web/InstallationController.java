package io.patchbay.config.adapter.in.web;

import io.patchbay.config.application.PublishedNames;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.patchbay.config.application.port.in.PartnerInstallationsUseCase;
import io.patchbay.config.application.port.in.PartnerUpdateCommand;
import io.patchbay.config.domain.InstallStatus;
import io.patchbay.config.domain.Notification;
import io.patchbay.config.domain.NotificationLevel;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.error.Problems;
import io.patchbay.kernel.infra.web.JsonBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.Optional;

/** The partner API: an app's partner team reports on installations of its app. */
@Controller("/v1/installations")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Partner installations")
public class InstallationController {
    private final PartnerInstallationsUseCase partner;

    public InstallationController(PartnerInstallationsUseCase partner) {
        this.partner = partner;
    }

    @Patch("/{id}")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(summary = "Update an installation's status, external id or notification (null clears the notification)")
    public void update(@Parameter(hidden = true) Caller caller, @PathVariable String id, @Body JsonNode json) {
        JsonBody body = JsonBody.of(json).allowOnly("status", "externalId", "notification");
        InstallStatus status = body.parsed("status", (v, f) -> PublishedNames.NAMES.fromRequest(InstallStatus.class, v, f)).orElse(null);
        String externalId = body.string("externalId").orElse(null);
        if (externalId != null && (externalId.isBlank() || externalId.length() > 256)) {
            throw Problems.validation("externalId", "must be 1 to 256 characters");
        }
        Optional<Notification> notification = body.object("notification").map(n -> {
            n.allowOnly("level", "title", "message", "href");
            NotificationLevel level = n.parsed("level", (v, f) -> PublishedNames.NAMES.fromRequest(NotificationLevel.class, v, f))
                    .orElseThrow(() -> Problems.validation("notification.level", "is required"));
            return new Notification(level, n.requiredString("title"), n.string("message").orElse(null), n.string("href").orElse(null));
        });
        partner.update(new PartnerUpdateCommand(caller, IdKinds.CONFIGURATION.check(id, "id"), status, externalId, notification, body.has("notification")));
    }

    @Post("/{id}/billing/finalize")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(summary = "Complete a requested deletion")
    public void finalizeDeletion(@Parameter(hidden = true) Caller caller, @PathVariable String id) {
        partner.finalizeDeletion(caller, IdKinds.CONFIGURATION.check(id, "id"));
    }
}
