package io.patchbay.config.application.port.out;

import io.patchbay.config.domain.DisableReason;
import io.patchbay.config.domain.Plan;

/** Which configurations an automatic lifecycle trigger touches (never deleted ones). */
public sealed interface BulkSelection {
    /** Active configurations of a team that act as the given user. */
    record ActiveOfTeamUser(String teamId, String userId) implements BulkSelection {
    }

    /** Active configurations of a team whose app requires a plan above {@code plan}. */
    record ActiveOfTeamNeedingPlanAbove(String teamId, Plan plan) implements BulkSelection {
    }

    /** Configurations of a team disabled for {@code reason} whose app requires at most {@code plan}. */
    record DisabledOfTeamAllowedBy(String teamId, DisableReason reason, Plan plan) implements BulkSelection {
    }

    /** Active configurations of an app. */
    record ActiveOfApp(String integrationId) implements BulkSelection {
    }

    /** Configurations of an app disabled for {@code reason}. */
    record DisabledOfApp(String integrationId, DisableReason reason) implements BulkSelection {
    }

    /** Configurations whose deletion was requested at or before {@code requestedBefore} (epoch ms) and is not complete. */
    record DeletionRequestedBefore(long requestedBefore) implements BulkSelection {
    }
}
