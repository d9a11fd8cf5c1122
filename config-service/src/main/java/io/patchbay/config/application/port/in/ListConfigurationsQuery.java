package io.patchbay.config.application.port.in;

import io.patchbay.config.application.port.out.PageKey;
import io.patchbay.config.domain.InstallationType;
import io.patchbay.kernel.auth.Caller;

/** {@code GET /v1/integrations/configurations}: the acting owner's configurations, newest first. */
public record ListConfigurationsQuery(Caller caller, TeamSelector team, boolean projectView, InstallationType installationType,
                                      String integrationIdOrSlug, int limit, PageKey after) {
}
