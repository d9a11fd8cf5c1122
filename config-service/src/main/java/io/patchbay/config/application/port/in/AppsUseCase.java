package io.patchbay.config.application.port.in;

import io.patchbay.config.domain.App;

import java.util.List;

/** The app registry: admins write, everyone reads. Making an app unavailable disables its configurations. */
public interface AppsUseCase {
    App create(AppCommand command);

    List<App> list();

    App get(String idOrSlug);

    App update(String idOrSlug, AppCommand command);
}
