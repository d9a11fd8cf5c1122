package io.patchbay.oauth.application;

import io.patchbay.kernel.error.DomainException;
import io.patchbay.kernel.secret.SecretBox;
import io.patchbay.oauth.application.port.in.UseIntegrationUseCase.Usable;
import io.patchbay.oauth.application.port.out.SessionStore;
import io.patchbay.oauth.application.port.out.TemplateCatalog;
import io.patchbay.oauth.application.port.out.TokenEndpoint;
import io.patchbay.oauth.domain.AuthType;
import io.patchbay.oauth.domain.IntegrationState;
import io.patchbay.oauth.domain.OAuthIntegration;
import io.patchbay.oauth.domain.OAuthSession;
import io.patchbay.oauth.domain.Template;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The refresh of an expired session against in-memory ports: the row's single key id must hold for both of its tokens. */
class SessionRefresherTest {
    static final Instant NOW = Instant.parse("2024-07-17T21:09:36Z");
    final byte[] k1Key = IntegrationUseCasesTest.randomKey();
    final SecretBox k1 = new SecretBox(Map.of("k1", k1Key), "k1");
    final SecretBox k2 = new SecretBox(Map.of("k1", k1Key, "k2", IntegrationUseCasesTest.randomKey()), "k2");
    final OAuthIntegration integration = new OAuthIntegration(1L, UUID.randomUUID(), IntegrationUseCasesTest.TEAM, "n", null, "custom",
            AuthType.VIEWER, Map.of("token_uri", "https://idp/token", "client_id", "pb"), Set.of("client_secret"), null, IntegrationState.ACTIVE,
            null, 1, NOW, NOW, "owner", "owner");
    final Usable usable = new Usable(integration, Map.of("client_secret", "s"));
    final TemplateCatalog catalog = new TemplateCatalog() {
        @Override
        public List<Template> all() {
            return List.of(IntegrationUseCasesTest.CUSTOM);
        }

        @Override
        public Optional<Template> find(String key) {
            return Optional.of(IntegrationUseCasesTest.CUSTOM);
        }
    };
    final List<String> refreshTokensSent = new ArrayList<>();
    final TokenEndpoint provider = new TokenEndpoint() {
        @Override
        public Result clientCredentials(Client client, String scope) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Result authorizationCode(Client client, String code, String redirectUri, String codeVerifier) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Result refresh(Client client, String refreshToken, String scope) {
            refreshTokensSent.add(refreshToken);
            return new Issued("new-access", "Bearer", 3600L, null, null);
        }
    };

    /** One session row: its tokens as sealed, what {@code refreshed} wrote. */
    final class OneSession implements SessionStore {
        SealedTokens tokens;

        OneSession(SealedTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public Optional<OAuthSession> lock(long id) {
            return Optional.of(new OAuthSession(id, UUID.randomUUID(), integration.id(), integration.guid(), integration.teamId(), "viewer",
                    tokens.refreshToken() != null, NOW.minusSeconds(60), NOW, NOW));
        }

        @Override
        public SealedTokens tokens(long id) {
            return tokens;
        }

        @Override
        public void refreshed(long id, String accessToken, String refreshToken, Instant expiresAt, Instant now) {
            tokens = new SealedTokens(accessToken, refreshToken);
        }

        @Override
        public Optional<OAuthSession> find(long integrationId, String userId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<OAuthSession> findByGuid(UUID guid) {
            throw new UnsupportedOperationException();
        }

        @Override
        public OAuthSession save(long integrationId, String userId, SealedTokens tokens, Instant expiresAt, String scope, Instant now) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<OAuthSession> list(String userId, Collection<String> adminTeams, boolean all) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean delete(long id) {
            throw new UnsupportedOperationException();
        }
    }

    SessionRefresher refresher(SessionStore sessions, SecretBox box) {
        return new SessionRefresher(sessions, provider, catalog, box, new OAuthFlowSettings("http://localhost:8083", Duration.ofMinutes(10),
                Duration.ofSeconds(30)), records -> { }, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aRefreshTokenTheProviderDidNotRotateMovesToTheActiveKeyWithTheAccessToken() {
        OneSession session = new OneSession(new SessionStore.SealedTokens(k1.seal("old-access"), k1.seal("kept-refresh")));
        assertThat(refresher(session, k2).refreshIfExpired(7, usable).accessToken()).isEqualTo("new-access");
        assertThat(refreshTokensSent).containsExactly("kept-refresh");
        assertThat(SecretBox.keyIdOf(session.tokens.accessToken())).isEqualTo("k2");
        assertThat(SecretBox.keyIdOf(session.tokens.refreshToken())).as("the row's key id is the access token's").isEqualTo("k2");
        assertThat(k2.open(session.tokens.refreshToken())).isEqualTo("kept-refresh");
    }

    @Test
    void anExpiredSessionWithoutARefreshTokenIs400NamingTheLoginUrl() {
        OneSession session = new OneSession(new SessionStore.SealedTokens(k1.seal("old-access"), null));
        assertThatThrownBy(() -> refresher(session, k1).refreshIfExpired(7, usable)).isInstanceOfSatisfying(DomainException.InvalidValue.class, e -> {
            assertThat(e.violations()).extracting(DomainException.Violation::attribute).containsExactly("subject_token");
            assertThat(e.violations().getFirst().reason()).contains("/__oauth__/integrations/" + integration.guid() + "/login");
        });
        assertThat(refreshTokensSent).as("the provider is not asked").isEmpty();
    }
}
