package io.patchbay.config.application.port.out;

import io.patchbay.config.domain.App;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

public interface AppStore {
    Optional<App> findByIdOrSlug(String idOrSlug);

    List<App> findByIds(Collection<String> ids);

    List<App> list();

    /** 409 when the slug is taken. */
    void insert(App app, String actor);

    /** 409 when the slug is taken or the app changed since {@code previous} was read. */
    void update(App previous, App updated, String actor);

    /** Replaces the app's client secret (stored encrypted). */
    void saveClientSecret(String appId, String clientSecret);

    /** The app's client secret; empty for apps registered before apps had one (until it is rotated). */
    Optional<String> clientSecret(String appId);
}
