package io.patchbay.config.application.port.in;

import io.patchbay.config.application.port.out.PageKey;
import io.patchbay.config.domain.InstallationType;
import io.patchbay.kernel.auth.Caller;

/**
 * {@code GET /v1/integrations/configurations}: the acting owner's configurations, newest first.
 *
 * @param matchesNothing a filter no configuration can match ({@code installationType=provisioning}): the acting team is
 *                       still checked, the answer is empty
 */
public record ListConfigurationsQuery(Caller caller, TeamSelector team, boolean projectView, InstallationType installationType,
                                      boolean matchesNothing, String integrationIdOrSlug, int limit, PageKey after) {
}
