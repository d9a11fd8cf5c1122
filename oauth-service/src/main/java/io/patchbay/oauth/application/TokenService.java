package io.patchbay.oauth.application;

import io.patchbay.kernel.error.DomainException;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.auth.NamedTeam;
import io.patchbay.kernel.secret.SecretBox;
import io.patchbay.oauth.application.port.in.ExchangeCredentialsUseCase;
import io.patchbay.oauth.application.port.in.UseIntegrationUseCase;
import io.patchbay.oauth.application.port.in.UseIntegrationUseCase.Need;
import io.patchbay.oauth.application.port.in.UseIntegrationUseCase.Usable;
import io.patchbay.oauth.application.port.in.VerifyIntegrationUseCase;
import io.patchbay.oauth.application.port.out.SessionStore;
import io.patchbay.oauth.application.port.out.TemplateCatalog;
import io.patchbay.oauth.application.port.out.TokenEndpoint;
import io.patchbay.oauth.domain.OAuthIntegration;
import io.patchbay.oauth.domain.OAuthSession;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Verify and the credential exchange. A Viewer session's token is refreshed at most once however many requests find it
 * expired at the same time: requests for one session queue on a lock in this JVM, and the refresh itself runs under the
 * session's row lock ({@link SessionRefresher}), re-checking expiry, so other instances wait and then find a fresh token.
 */
@Singleton
public class TokenService implements VerifyIntegrationUseCase, ExchangeCredentialsUseCase {
    private static final int STRIPES = 64;

    private final UseIntegrationUseCase integrations;
    private final SessionStore sessions;
    private final TokenEndpoint provider;
    private final ProviderClients clients;
    private final SessionRefresher refresher;
    private final SecretBox box;
    private final OAuthFlowSettings settings;
    private final Clock clock;
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    public TokenService(UseIntegrationUseCase integrations, SessionStore sessions, TokenEndpoint provider, TemplateCatalog templates,
                        SessionRefresher refresher, SecretBox box, OAuthFlowSettings settings, Clock clock) {
        this.integrations = integrations;
        this.sessions = sessions;
        this.provider = provider;
        this.clients = new ProviderClients(templates);
        this.refresher = refresher;
        this.box = box;
        this.settings = settings;
        this.clock = clock;
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    @Override
    public Verification verify(Caller caller, NamedTeam team, UUID guid) {
        Usable usable = integrations.requireUsable(caller, team, guid, Need.ADMINISTRATOR);
        OAuthIntegration integration = usable.integration();
        if (!integration.isServiceAccount()) {
            throw new DomainException.InvalidValue("guid", "verify is for Service Account integrations; " + integration.guid()
                    + " is a Viewer integration (its users sign in at " + settings.loginUrl(integration.guid()) + ")");
        }
        return switch (provider.clientCredentials(clients.client(usable), ProviderClients.scopes(integration))) {
            case TokenEndpoint.Issued t -> new Verification(true, 200, null, null, t.tokenType(), t.expiresIn(), t.scope());
            case TokenEndpoint.Refused r -> new Verification(false, r.status(), r.error(), r.description(), null, null, null);
            case TokenEndpoint.Unreachable u -> new Verification(false, null, "provider_unreachable", u.reason(), null, null, null);
        };
    }

    @Override
    public Credentials exchange(Caller caller, NamedTeam team, UUID integrationGuid, String subjectUserId) {
        Usable usable = integrations.requireUsable(caller, team, integrationGuid, Need.PUBLISHER);
        OAuthIntegration integration = usable.integration();
        if (integration.isServiceAccount()) {
            TokenEndpoint.Issued token = ProviderClients.issued(provider.clientCredentials(clients.client(usable), ProviderClients.scopes(integration)));
            return new Credentials(token.accessToken(), token.tokenType(), token.expiresIn());
        }
        OAuthSession session = sessions.find(integration.id(), subjectUserId).orElseThrow(() -> noSession(integration, subjectUserId));
        Instant now = clock.instant();
        if (!session.expiredAt(now, settings.refreshSkew())) {
            return current(session, now);
        }
        ReentrantLock lock = locks[Math.floorMod(Long.hashCode(session.id()), STRIPES)];
        lock.lock();
        try {
            return refresher.refreshIfExpired(session.id(), usable);
        } finally {
            lock.unlock();
        }
    }

    private Credentials current(OAuthSession session, Instant now) {
        return new Credentials(box.open(sessions.tokens(session.id()).accessToken()), "Bearer", session.expiresInAt(now));
    }

    private RuntimeException noSession(OAuthIntegration integration, String userId) {
        return new DomainException.InvalidValue("subject_token", "user " + userId + " has no OAuth session with integration " + integration.guid()
                + "; the user must sign in first at " + settings.loginUrl(integration.guid()));
    }
}
