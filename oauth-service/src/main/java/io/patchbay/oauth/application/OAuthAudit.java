package io.patchbay.oauth.application;

import io.patchbay.kernel.audit.AuditChanges;
import io.patchbay.kernel.audit.AuditRecord;
import io.patchbay.oauth.domain.OAuthIntegration;
import io.patchbay.oauth.domain.OAuthSession;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What oauth-service's audit entries say. Secret values (client secrets, tokens) are never at hand here: a secret
 * appears as the field {@code secrets.<name>} whose value is only "kept" or "replaced", so the diff sees a rotation and
 * writes {@code "********"} on both sides; session tokens likewise ({@code access_token}, {@code refresh_token}).
 */
final class OAuthAudit {
    static final String INTEGRATION = "oauth_integration";
    static final String SESSION = "oauth_session";
    static final String CONTENT = "content_associations";
    static final String REENCRYPTION = "reencrypt_secrets";
    private static final String KEPT = "kept";
    private static final String REPLACED = "replaced";

    private OAuthAudit() {
    }

    static AuditRecord integration(String verb, OAuthIntegration before, OAuthIntegration after, Set<String> replacedSecrets) {
        OAuthIntegration any = after != null ? after : before;
        Map<String, Object> from = fields(before, Set.of());
        Map<String, Object> to = fields(after, replacedSecrets);
        Set<String> secrets = new LinkedHashSet<>();
        from.keySet().stream().filter(k -> k.startsWith("secrets.")).forEach(secrets::add);
        to.keySet().stream().filter(k -> k.startsWith("secrets.")).forEach(secrets::add);
        return AuditRecord.of(INTEGRATION + "." + verb, INTEGRATION, any.guid().toString(), any.teamId(), AuditChanges.diff(from, to, secrets));
    }

    /** Only the secrets changed on an integration that had them: a rotation. */
    static boolean onlySecretsRotated(OAuthIntegration before, OAuthIntegration after, Set<String> replacedSecrets) {
        return !replacedSecrets.isEmpty() && before.secretNames().containsAll(replacedSecrets)
                && fields(before, Set.of()).equals(fields(after, Set.of()));
    }

    static AuditRecord session(String verb, OAuthSession session, Map<String, Object> changes) {
        Map<String, Object> to = new LinkedHashMap<>(changes);
        Set<String> secrets = Set.of("access_token", "refresh_token");
        Map<String, Object> from = new LinkedHashMap<>();
        if (!verb.equals("created")) {
            to.keySet().stream().filter(secrets::contains).forEach(k -> from.put(k, KEPT));
        }
        return AuditRecord.of(SESSION + "." + verb, SESSION, session.guid().toString(), session.integrationTeamId(),
                AuditChanges.diff(from, to, secrets));
    }

    static Map<String, Object> tokens(boolean refreshToken) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("access_token", REPLACED);
        if (refreshToken) {
            t.put("refresh_token", REPLACED);
        }
        return t;
    }

    static AuditRecord associations(String teamId, UUID contentGuid, List<UUID> before, List<UUID> after) {
        return AuditRecord.of(CONTENT + ".replaced", CONTENT, contentGuid.toString(), teamId,
                AuditChanges.of("oauth_integration_guids", before.stream().map(UUID::toString).toList(),
                        after.stream().map(UUID::toString).toList()));
    }

    private static Map<String, Object> fields(OAuthIntegration i, Set<String> replacedSecrets) {
        Map<String, Object> f = new LinkedHashMap<>();
        if (i == null) {
            return f;
        }
        f.put("team_id", i.teamId());
        f.put("name", i.name());
        f.put("description", i.description());
        f.put("template", i.template());
        f.put("auth_type", PublishedNames.NAMES.name(i.authType()));
        f.put("configuration_id", i.configurationId());
        f.put("state", PublishedNames.NAMES.name(i.state()));
        f.put("disabled_reason", i.disabledReason());
        new java.util.TreeMap<>(i.config()).forEach((k, v) -> f.put("config." + k, v));
        i.secretNames().stream().sorted().forEach(n -> f.put("secrets." + n, replacedSecrets.contains(n) ? REPLACED : KEPT));
        return f;
    }
}
