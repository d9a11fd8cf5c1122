package io.patchbay.config.adapter.in.web;

import io.patchbay.config.domain.App;
import io.patchbay.config.domain.Delivery;
import io.patchbay.config.domain.Team;
import io.patchbay.config.domain.Webhook;
import io.patchbay.kernel.infra.web.request.IdKind;

/** The kinds of id config-service's paths, queries and headers carry (checked by the kernel's {@link IdKind}). */
final class IdKinds {
    static final IdKind CONFIGURATION = IdKind.CONFIGURATION;
    static final IdKind WEBHOOK = IdKind.prefixed(Webhook.ID_PREFIX, 24, "a webhook id");
    static final IdKind DELIVERY = IdKind.prefixed(Delivery.ID_PREFIX, 24, "a delivery id");
    static final IdKind TEAM = IdKind.TEAM;
    static final IdKind TEAM_SLUG = new IdKind(Team.SLUG, "a team slug");
    static final IdKind USER = IdKind.NAME.describedAs("a user id (1 to 64 letters, digits, _ or -)");
    static final IdKind APP_ID_OR_SLUG = IdKind.of(App.ID_PREFIX + "[0-9A-Za-z]{24}|" + App.SLUG.pattern(), "an app id (oac_…) or slug");

    private IdKinds() {
    }
}
