package io.patchbay.config.application.port.in;

import io.patchbay.config.domain.App;
import io.patchbay.kernel.auth.Caller;

import java.util.List;

/**
 * The app registry: admins write, everyone reads. Making an app unavailable disables its configurations. An app's client
 * secret (which signs its webhook deliveries) is answered only on creation and rotation.
 */
public interface AppsUseCase {
    CreatedApp create(AppCommand command);

    List<App> list();

    App get(String idOrSlug);

    App update(String idOrSlug, AppCommand command);

    /** A new client secret replaces the old one at once; admins and managers of the app's partner team. */
    CreatedApp rotateSecret(Caller caller, String idOrSlug);
}
