package io.patchbay.config.application.port.out;

import io.patchbay.config.domain.InstallationType;

/**
 * A page of one owner's live configurations, newest first. {@code after} is the last item of the previous page.
 *
 * @param integrationIdOrSlug filter on the app id or slug (null: any)
 * @param projectView         leave out {@code source=oauth} and configurations with no project access
 */
public record ConfigurationListQuery(String ownerId, boolean personal, InstallationType installationType, String integrationIdOrSlug,
                                     boolean projectView, int limit, PageKey after) {
}
