package io.patchbay.config.domain;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An integration app of the registry: what may be installed, with which scopes, from which plan on, whether it is
 * available at all, and where its partner team hears about its configurations ({@code webhookUrl}, signed with the app's
 * client secret, which is kept apart from this record).
 */
public record App(String id, String slug, String name, String icon, List<String> scopes, boolean marketplace, String partnerTeamId,
                  Plan requiredPlan, boolean available, boolean legacy, long createdAt, long updatedAt, String webhookUrl) {
    public static final String ID_PREFIX = "oac_";
    /** Client secrets: this many random base62 characters. */
    public static final int CLIENT_SECRET_LENGTH = 40;
    public static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");

    public App {
        Objects.requireNonNull(id);
        Objects.requireNonNull(slug);
        Objects.requireNonNull(name);
        scopes = List.copyOf(scopes);
        Objects.requireNonNull(requiredPlan);
    }

    /** An app without a webhook URL. */
    public App(String id, String slug, String name, String icon, List<String> scopes, boolean marketplace, String partnerTeamId,
               Plan requiredPlan, boolean available, boolean legacy, long createdAt, long updatedAt) {
        this(id, slug, name, icon, scopes, marketplace, partnerTeamId, requiredPlan, available, legacy, createdAt, updatedAt, null);
    }

    public InstallationType defaultInstallationType() {
        return marketplace ? InstallationType.MARKETPLACE : InstallationType.EXTERNAL;
    }
}
