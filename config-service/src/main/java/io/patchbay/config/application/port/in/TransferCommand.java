package io.patchbay.config.application.port.in;

import io.patchbay.kernel.auth.Caller;

/** Transfer a configuration to another acting user, optionally in another team ({@code toTeamId}). */
public record TransferCommand(Caller caller, TeamSelector team, String id, String toUserId, String toTeamId) {
}
