package io.patchbay.oauth.application;

import io.patchbay.kernel.error.DomainException;
import io.patchbay.kernel.audit.AuditTrail;
import io.patchbay.kernel.secret.SecretBox;
import io.patchbay.oauth.application.port.in.ExchangeCredentialsUseCase.Credentials;
import io.patchbay.oauth.application.port.in.UseIntegrationUseCase.Usable;
import io.patchbay.oauth.application.port.out.SessionStore;
import io.patchbay.oauth.application.port.out.TemplateCatalog;
import io.patchbay.oauth.application.port.out.TokenEndpoint;
import io.patchbay.oauth.domain.OAuthSession;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One session's refresh under its row lock: whoever gets the lock second finds the token fresh and uses it. */
@Singleton
public class SessionRefresher {
    private final SessionStore sessions;
    private final TokenEndpoint provider;
    private final ProviderClients clients;
    private final SecretBox box;
    private final OAuthFlowSettings settings;
    private final AuditTrail audit;
    private final Clock clock;

    public SessionRefresher(SessionStore sessions, TokenEndpoint provider, TemplateCatalog templates, SecretBox box, OAuthFlowSettings settings,
                            AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.sessions = sessions;
        this.provider = provider;
        this.clients = new ProviderClients(templates);
        this.box = box;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional
    public Credentials refreshIfExpired(long sessionId, Usable usable) {
        var integration = usable.integration();
        OAuthSession session = sessions.lock(sessionId).orElseThrow(() -> new DomainException.InvalidValue("subject_token",
                "the OAuth session was removed meanwhile; the user must sign in again at " + settings.loginUrl(integration.guid())));
        Instant now = clock.instant();
        SessionStore.SealedTokens tokens = sessions.tokens(sessionId);
        if (!session.expiredAt(now, settings.refreshSkew())) {
            return new Credentials(box.open(tokens.accessToken()), "Bearer", session.expiresInAt(now));
        }
        if (tokens.refreshToken() == null) {
            throw new DomainException.InvalidValue("subject_token", "the OAuth session of user " + session.userId() + " with integration " + integration.guid()
                    + " has expired and has no refresh token; the user must sign in again at " + settings.loginUrl(integration.guid()));
        }
        TokenEndpoint.Result result = provider.refresh(clients.client(usable), box.open(tokens.refreshToken()), ProviderClients.scopes(integration));
        if (result instanceof TokenEndpoint.Refused refused && refused.status() >= 400 && refused.status() < 500) {
            throw new DomainException.InvalidValue("subject_token", "the OAuth session could not be refreshed (the provider answered " + refused.error()
                    + "); the user must sign in again at " + settings.loginUrl(integration.guid()));
        }
        TokenEndpoint.Issued token = ProviderClients.issued(result);
        Instant expiresAt = token.expiresIn() == null ? null : now.plusSeconds(token.expiresIn());
        // the row has one key id for both tokens: a refresh token the provider did not rotate moves to the active key too
        String refreshToken = token.refreshToken() == null ? box.reseal(tokens.refreshToken()) : box.seal(token.refreshToken());
        sessions.refreshed(sessionId, box.seal(token.accessToken()), refreshToken, expiresAt, now);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("expires_at", expiresAt);
        changes.putAll(OAuthAudit.tokens(refreshToken != null));
        audit.record(OAuthAudit.session("refreshed", session, changes));
        return new Credentials(token.accessToken(), token.tokenType(), token.expiresIn());
    }
}
