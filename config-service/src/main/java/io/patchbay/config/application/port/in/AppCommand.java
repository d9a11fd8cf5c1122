package io.patchbay.config.application.port.in;

import io.patchbay.config.domain.Plan;
import io.patchbay.kernel.auth.Caller;

import java.util.List;

/** Create or change an app; on change, null fields are left as they are ({@code partnerTeamIdGiven} allows clearing). */
public record AppCommand(Caller caller, String slug, String name, String icon, List<String> scopes, Boolean marketplace,
                         String partnerTeamId, boolean partnerTeamIdGiven, Plan requiredPlan, Boolean available, Boolean legacy) {
}
