package io.patchbay.config.adapter.in.web;

import io.patchbay.config.application.port.in.TeamSelector;
import io.patchbay.config.domain.App;
import io.patchbay.config.domain.Configuration;
import io.patchbay.config.domain.Delivery;
import io.patchbay.config.domain.Team;
import io.patchbay.config.domain.Webhook;
import io.patchbay.kernel.error.Problems;
import io.patchbay.kernel.error.Texts;
import io.patchbay.kernel.id.Ids;

import java.util.regex.Pattern;

/** Checks ids and team parameters from paths, queries and headers before they reach a use case (malformed → 400). */
final class PathIds {
    private static final Pattern CONFIGURATION = Ids.pattern(Configuration.ID_PREFIX, 24);
    private static final Pattern WEBHOOK = Ids.pattern(Webhook.ID_PREFIX, 24);
    private static final Pattern DELIVERY = Ids.pattern(Delivery.ID_PREFIX, 24);
    private static final Pattern TEAM = Ids.TEAM_ID;
    private static final Pattern USER = Pattern.compile("[0-9A-Za-z_-]{1,64}");
    private static final Pattern APP_ID_OR_SLUG = Pattern.compile(App.ID_PREFIX + "[0-9A-Za-z]{24}|" + App.SLUG.pattern());

    private PathIds() {
    }

    static String configuration(String id) {
        return check(id, CONFIGURATION, "id", "a configuration id (icfg_ and 24 letters or digits)");
    }

    static String webhook(String id) {
        return check(id, WEBHOOK, "id", "a webhook id (hook_ and 24 letters or digits)");
    }

    static String delivery(String id) {
        return check(id, DELIVERY, "deliveryId", "a delivery id (dlv_ and 24 letters or digits)");
    }

    static String team(String id, String field) {
        return check(id, TEAM, field, "a team id (team_…)");
    }

    static String user(String id, String field) {
        return check(id, USER, field, "a user id (1 to 64 letters, digits, _ or -)");
    }

    static String appIdOrSlug(String value, String field) {
        return check(value, APP_ID_OR_SLUG, field, "an app id (oac_…) or slug");
    }

    static TeamSelector selector(String teamId, String slug, String header) {
        return new TeamSelector(teamId == null ? null : team(teamId, "teamId"),
                slug == null ? null : check(slug, Team.SLUG, "slug", "a team slug"),
                header == null ? null : team(header, "X-Team-Id"));
    }

    private static String check(String value, Pattern pattern, String field, String what) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw Problems.validation(field, "must be " + what + ", was '" + Texts.truncate(value) + "'");
        }
        return value;
    }
}
