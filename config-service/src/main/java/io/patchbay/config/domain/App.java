package io.patchbay.config.domain;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An integration app of the registry: what may be installed, with which scopes, from which plan on, and whether it is
 * available at all.
 */
public record App(String id, String slug, String name, String icon, List<String> scopes, boolean marketplace, String partnerTeamId,
                  Plan requiredPlan, boolean available, boolean legacy, long createdAt, long updatedAt) {
    public static final String ID_PREFIX = "oac_";
    public static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");

    public App {
        Objects.requireNonNull(id);
        Objects.requireNonNull(slug);
        Objects.requireNonNull(name);
        scopes = List.copyOf(scopes);
        Objects.requireNonNull(requiredPlan);
    }

    public InstallationType defaultInstallationType() {
        return marketplace ? InstallationType.MARKETPLACE : InstallationType.EXTERNAL;
    }
}
