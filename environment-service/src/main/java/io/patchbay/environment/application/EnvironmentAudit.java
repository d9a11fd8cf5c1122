package io.patchbay.environment.application;

import io.patchbay.environment.domain.ConfigSecrets;
import io.patchbay.environment.domain.Environment;
import io.patchbay.environment.domain.EnvironmentIntegration;
import io.patchbay.environment.domain.Integration;
import io.patchbay.environment.domain.TeamProfile;
import io.patchbay.kernel.audit.AuditChanges;
import io.patchbay.kernel.audit.AuditRecord;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What environment-service's audit entries say: the fields of environments, integrations, installs and team profiles;
 * configs and overrides one field per leaf ({@code config.credentials.client_secret}), compared on their stored (sealed)
 * values so a changed secret shows as {@code "********"} on both sides and an unchanged one not at all.
 */
final class EnvironmentAudit {
    static final String ENVIRONMENT = "environment";
    static final String INTEGRATION = "integration";
    static final String INSTALL = "environment_integration";
    static final String TEAM = "team";

    private EnvironmentAudit() {
    }

    static AuditRecord environment(String verb, Environment before, Environment after) {
        Environment any = after != null ? after : before;
        return AuditRecord.of(ENVIRONMENT + "." + verb, ENVIRONMENT, any.id().toString(), any.teamId(),
                AuditChanges.diff(fields(before), fields(after), Set.of()));
    }

    static AuditRecord integration(String verb, Integration before, Integration after) {
        Integration any = after != null ? after : before;
        Map<String, Object> from = fields(before);
        Map<String, Object> to = fields(after);
        return AuditRecord.of(INTEGRATION + "." + verb, INTEGRATION, any.id().toString(), any.teamId(),
                AuditChanges.diff(from, to, secretPaths(from, to)));
    }

    static AuditRecord install(String verb, String teamId, EnvironmentIntegration before, EnvironmentIntegration after) {
        EnvironmentIntegration any = after != null ? after : before;
        Map<String, Object> from = fields(before);
        Map<String, Object> to = fields(after);
        return AuditRecord.of(INSTALL + "." + verb, INSTALL, any.id().toString(), teamId, AuditChanges.diff(from, to, secretPaths(from, to)));
    }

    static AuditRecord team(TeamProfile before, TeamProfile after) {
        return AuditRecord.of(TEAM + ".updated", TEAM, after.id(), after.id(), AuditChanges.diff(fields(before), fields(after), Set.of()));
    }

    private static Map<String, Object> fields(Environment e) {
        Map<String, Object> f = new LinkedHashMap<>();
        if (e != null) {
            f.put("team_id", e.teamId());
            f.put("name", e.name());
        }
        return f;
    }

    private static Map<String, Object> fields(Integration i) {
        Map<String, Object> f = new LinkedHashMap<>();
        if (i != null) {
            f.put("team_id", i.teamId());
            f.put("name", i.name());
            f.put("category", i.category());
            f.put("is_beta", i.beta());
            f.put("sharing", PublishedNames.NAMES.name(i.sharing()));
            f.putAll(AuditChanges.flatten("config", i.config()));
        }
        return f;
    }

    private static Map<String, Object> fields(EnvironmentIntegration e) {
        Map<String, Object> f = new LinkedHashMap<>();
        if (e != null) {
            f.put("integration_id", e.integrationId().toString());
            f.put("environment_id", e.environmentId().toString());
            f.put("show_in_catalog", e.showInCatalog());
            f.put("is_enabled", e.enabled());
            f.put("configuration_id", e.configurationId());
            f.put("approved", e.approved());
            f.put("configuration_disabled", e.configurationDisabled());
            f.put("disabled_reason", e.disabledReason());
            f.putAll(AuditChanges.flatten("override", e.override()));
        }
        return f;
    }

    private static Map<String, Object> fields(TeamProfile t) {
        Map<String, Object> f = new LinkedHashMap<>();
        if (t != null && t.version() > 0) {
            f.put("name", t.name());
            f.put("domain", t.domain());
            f.put("logo", t.logo());
            f.put("is_verified", t.verified());
            f.put("is_white_label", t.whiteLabel());
            f.put("tos_link", t.tosLink());
            f.put("allow_impersonation", t.allowImpersonation());
        }
        return f;
    }

    /** The leaves that hold secret values: under {@code credentials}, named as {@link ConfigSecrets#SECRET_KEYS}. */
    private static Set<String> secretPaths(Map<String, Object> from, Map<String, Object> to) {
        Set<String> secrets = new LinkedHashSet<>();
        for (Map<String, Object> fields : java.util.List.of(from, to)) {
            for (String path : fields.keySet()) {
                int dot = path.lastIndexOf('.');
                if (path.contains(".credentials.") && dot >= 0 && ConfigSecrets.SECRET_KEYS.contains(path.substring(dot + 1))) {
                    secrets.add(path);
                }
            }
        }
        return secrets;
    }
}
