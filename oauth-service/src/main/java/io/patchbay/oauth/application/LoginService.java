package io.patchbay.oauth.application;

import io.patchbay.kernel.error.DomainException;
import io.patchbay.kernel.audit.AuditCause;
import io.patchbay.kernel.audit.AuditContext;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.secret.SecretBox;
import io.patchbay.kernel.secret.SecretScrubber;
import io.patchbay.oauth.application.port.in.BrowserLoginUseCase;
import io.patchbay.oauth.application.port.in.UseIntegrationUseCase;
import io.patchbay.oauth.application.port.in.UseIntegrationUseCase.Need;
import io.patchbay.oauth.application.port.in.UseIntegrationUseCase.Usable;
import io.patchbay.oauth.application.port.out.LoginStateStore;
import io.patchbay.oauth.application.port.out.SessionStore;
import io.patchbay.oauth.application.port.out.TemplateCatalog;
import io.patchbay.oauth.application.port.out.TokenEndpoint;
import io.patchbay.oauth.domain.OAuthIntegration;
import io.patchbay.oauth.domain.OAuthSession;
import io.patchbay.oauth.domain.Pkce;
import io.patchbay.oauth.domain.Template;
import jakarta.inject.Singleton;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Authorization code + PKCE (S256). The {@code state} is 256 random bits; only its SHA-256 is stored, with the user who started
 * the login, the sealed PKCE verifier and an expiry. The callback consumes it (deleted before anything else, so a replay finds
 * nothing even if the code exchange then fails), exchanges the code and stores the user's session with sealed tokens.
 */
@Singleton
public class LoginService implements BrowserLoginUseCase {
    static final String USE_PKCE = "use_pkce";

    private final UseIntegrationUseCase integrations;
    private final LoginStateStore states;
    private final AuditedWrites writes;
    private final TokenEndpoint provider;
    private final ProviderClients clients;
    private final SecretBox box;
    private final OAuthFlowSettings settings;
    private final Clock clock;

    public LoginService(UseIntegrationUseCase integrations, LoginStateStore states, AuditedWrites writes, TokenEndpoint provider,
                        TemplateCatalog templates, SecretBox box, OAuthFlowSettings settings, Clock clock) {
        this.integrations = integrations;
        this.states = states;
        this.writes = writes;
        this.provider = provider;
        this.clients = new ProviderClients(templates);
        this.box = box;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String start(Caller caller, UUID integrationGuid) {
        Usable usable = integrations.requireUsable(caller, null, integrationGuid, Need.MEMBER);
        OAuthIntegration integration = usable.integration();
        if (integration.isServiceAccount()) {
            throw new DomainException.InvalidValue("guid", "integration " + integrationGuid + " is a Service Account integration: it has no user login");
        }
        String authorize = clients.endpoint(integration, Template.AUTHORIZATION_ENDPOINT);
        String state = Pkce.randomValue();
        String verifier = "false".equals(integration.config().get(USE_PKCE)) ? null : Pkce.randomValue();
        Instant now = clock.instant();
        states.pruneExpired(now);
        states.save(Pkce.s256(state), new LoginStateStore.LoginState(integration.id(), caller.userId(), verifier == null ? null : box.seal(verifier),
                settings.callbackUrl(), now.plus(settings.loginTimeout())), now);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", integration.config().get("client_id"));
        query.put("redirect_uri", settings.callbackUrl());
        String scopes = ProviderClients.scopes(integration);
        if (scopes != null) {
            query.put("scope", scopes);
        }
        query.put("state", state);
        if (verifier != null) {
            query.put("code_challenge", Pkce.s256(verifier));
            query.put("code_challenge_method", "S256");
        }
        return authorize + (authorize.contains("?") ? "&" : "?") + query.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
    }

    @Override
    public Completed complete(String state, String code, String error, String errorDescription) {
        if (state == null || state.isBlank()) {
            throw new DomainException.InvalidValue("state", "is required");
        }
        LoginStateStore.LoginState login = states.consume(Pkce.s256(state)).orElseThrow(() -> new DomainException.InvalidValue("state",
                "is unknown or was already used; start the login again"));
        Instant now = clock.instant();
        if (!login.expiresAt().isAfter(now)) {
            throw new DomainException.InvalidValue("state", "has expired (a login must be completed within " + settings.loginTimeout().toSeconds()
                    + " s); start the login again");
        }
        if (error != null) {
            // the redirect's text comes from the provider (or whoever crafted the URL): scrubbed before it is cut
            Collection<String> secrets = integrations.secretValues(login.integrationId());
            throw new DomainException.InvalidValue("error", "the provider did not authorize the login: " + cut(SecretScrubber.scrub(error, secrets))
                    + (errorDescription == null ? "" : ": " + cut(SecretScrubber.scrub(errorDescription, secrets))));
        }
        if (code == null || code.isBlank()) {
            throw new DomainException.InvalidValue("code", "is required");
        }
        Usable usable = integrations.requireUsable(login.integrationId());
        String verifier = login.codeVerifierSealed() == null ? null : box.open(login.codeVerifierSealed());
        TokenEndpoint.Issued token = ProviderClients.issued(provider.authorizationCode(clients.client(usable), code, login.redirectUri(), verifier));
        Instant expiresAt = token.expiresIn() == null ? null : now.plusSeconds(token.expiresIn());
        // the provider's redirect carries no token: the session is the system's doing, for the user who started the login
        OAuthSession session = AuditContext.asSystem(AuditCause.trigger("oauth_login"), () -> writes.saveSession(usable.integration().id(),
                login.userId(), new SessionStore.SealedTokens(box.seal(token.accessToken()),
                token.refreshToken() == null ? null : box.seal(token.refreshToken())), expiresAt, token.scope(), now));
        return new Completed(usable.integration().guid(), session.guid());
    }

    private static String cut(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
