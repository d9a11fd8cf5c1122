package io.patchbay.oauth.application;

import io.patchbay.kernel.audit.AuditTrail;
import io.patchbay.oauth.application.port.out.IntegrationStore;
import io.patchbay.oauth.application.port.out.SealedValueStore;
import io.patchbay.oauth.application.port.out.SessionStore;
import io.patchbay.oauth.domain.OAuthIntegration;
import io.patchbay.oauth.domain.OAuthSession;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The writes made outside a use case's transaction (after a call to config-service or to the provider, or one
 * re-encryption at a time): each in a transaction of its own with its audit entry, so both commit or neither does.
 */
@Singleton
public class AuditedWrites {
    private final IntegrationStore integrations;
    private final SessionStore sessions;
    private final SealedValueStore sealed;
    private final AuditTrail audit;

    public AuditedWrites(IntegrationStore integrations, SessionStore sessions, SealedValueStore sealed, AuditTrail audit) {
        this.integrations = integrations;
        this.sessions = sessions;
        this.sealed = sealed;
        this.audit = audit;
    }

    @Transactional
    public OAuthIntegration insertIntegration(OAuthIntegration integration, Map<String, String> sealedSecrets) {
        OAuthIntegration stored = integrations.insert(integration, sealedSecrets);
        audit.record(OAuthAudit.integration("created", null, stored, sealedSecrets.keySet()));
        return stored;
    }

    @Transactional
    public OAuthSession saveSession(long integrationId, String userId, SessionStore.SealedTokens tokens, Instant expiresAt, String scope,
                                    Instant now) {
        OAuthSession session = sessions.save(integrationId, userId, tokens, expiresAt, scope, now);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("user_id", userId);
        changes.put("oauth_integration_guid", session.integrationGuid().toString());
        changes.put("expires_at", expiresAt);
        changes.putAll(OAuthAudit.tokens(tokens.refreshToken() != null));
        audit.record(OAuthAudit.session("created", session, changes));
        return session;
    }

    /** One secret re-sealed under the active key (compare-and-set); audited when it was replaced. */
    @Transactional
    public boolean replaceSecret(SealedValueStore.SealedSecret old, String resealed, String keyId) {
        if (!sealed.replaceSecret(old, resealed, keyId)) {
            return false;
        }
        integrations.findById(old.integrationId()).ifPresent(i -> audit.record(
                OAuthAudit.integration("secret_reencrypted", i, i, java.util.Set.of(old.name()))));
        return true;
    }

    /** One session's tokens re-sealed under the active key (compare-and-set); audited when they were replaced. */
    @Transactional
    public boolean replaceSession(SealedValueStore.SealedSession old, String accessToken, String refreshToken, String keyId) {
        if (!sealed.replaceSession(old, accessToken, refreshToken, keyId)) {
            return false;
        }
        sessions.lock(old.id()).ifPresent(s -> audit.record(OAuthAudit.session("reencrypted", s, OAuthAudit.tokens(refreshToken != null))));
        return true;
    }
}
