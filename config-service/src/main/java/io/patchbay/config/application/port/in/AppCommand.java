package io.patchbay.config.application.port.in;

import io.patchbay.config.domain.Plan;
import io.patchbay.kernel.auth.Caller;

import java.util.List;

/**
 * Create or change an app; on change, null fields are left as they are ({@code partnerTeamIdGiven} and
 * {@code webhookUrlGiven} allow clearing).
 */
public record AppCommand(Caller caller, String slug, String name, String icon, List<String> scopes, Boolean marketplace,
                         String partnerTeamId, boolean partnerTeamIdGiven, Plan requiredPlan, Boolean available, Boolean legacy,
                         String webhookUrl, boolean webhookUrlGiven) {
    /** A command that leaves the webhook URL alone. */
    public AppCommand(Caller caller, String slug, String name, String icon, List<String> scopes, Boolean marketplace,
                      String partnerTeamId, boolean partnerTeamIdGiven, Plan requiredPlan, Boolean available, Boolean legacy) {
        this(caller, slug, name, icon, scopes, marketplace, partnerTeamId, partnerTeamIdGiven, requiredPlan, available, legacy, null, false);
    }
}
