package io.patchbay.config.application.port.in;

import io.patchbay.config.domain.InstallStatus;
import io.patchbay.config.domain.Notification;
import io.patchbay.kernel.auth.Caller;

import java.util.Optional;

/** The partner's update of an installation; {@code notificationGiven} with an empty notification clears it. */
public record PartnerUpdateCommand(Caller caller, String id, InstallStatus status, String externalId, Optional<Notification> notification,
                                   boolean notificationGiven) {
}
