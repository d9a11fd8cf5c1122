package io.patchbay.oauth.application;

import io.patchbay.kernel.error.DomainException;
import io.patchbay.kernel.error.ErrorKind;
import io.patchbay.kernel.error.ProblemException;
import io.patchbay.kernel.error.Problems;
import io.patchbay.oauth.application.port.in.UseIntegrationUseCase.Usable;
import io.patchbay.oauth.application.port.out.TemplateCatalog;
import io.patchbay.oauth.application.port.out.TokenEndpoint;
import io.patchbay.oauth.domain.OAuthIntegration;
import io.patchbay.oauth.domain.Template;

import java.util.List;
import java.util.OptionalLong;

/** An integration as a client of its provider (endpoints from the template, credentials from config and secrets), and provider answers as problems. */
final class ProviderClients {
    static final String AUTH_METHOD = "token_endpoint_auth_method";
    static final long RETRY_AFTER_SECONDS = 5;

    private final TemplateCatalog templates;

    ProviderClients(TemplateCatalog templates) {
        this.templates = templates;
    }

    Template template(OAuthIntegration integration) {
        return templates.find(integration.template())
                .orElseThrow(() -> new DomainException.Conflict("the template " + integration.template() + " of this integration is no longer shipped"));
    }

    String endpoint(OAuthIntegration integration, String endpoint) {
        return template(integration).endpoint(endpoint, integration.config())
                .orElseThrow(() -> new DomainException.Conflict("the integration's config does not give the provider's " + endpoint));
    }

    TokenEndpoint.Client client(Usable usable) {
        OAuthIntegration integration = usable.integration();
        String secret = usable.secrets().get("client_secret");
        TokenEndpoint.AuthMethod method = secret == null ? TokenEndpoint.AuthMethod.NONE
                : "client_secret_basic".equals(integration.config().get(AUTH_METHOD)) ? TokenEndpoint.AuthMethod.CLIENT_SECRET_BASIC
                : TokenEndpoint.AuthMethod.CLIENT_SECRET_POST;
        return new TokenEndpoint.Client(endpoint(integration, Template.TOKEN_ENDPOINT), integration.config().get("client_id"), secret, method);
    }

    static String scopes(OAuthIntegration integration) {
        return integration.config().get("scopes");
    }

    /** The token, or the provider's answer as a problem: refused → 422 {@code provider_error}, unreachable → 503 + Retry-After. */
    static TokenEndpoint.Issued issued(TokenEndpoint.Result result) {
        return switch (result) {
            case TokenEndpoint.Issued issued -> issued;
            case TokenEndpoint.Refused refused -> throw providerRefused(refused);
            case TokenEndpoint.Unreachable u -> throw Problems.dependencyUnavailable("the provider's token endpoint did not answer: " + u.reason(),
                    RETRY_AFTER_SECONDS);
        };
    }

    static ProblemException providerRefused(TokenEndpoint.Refused refused) {
        return new ProblemException(ErrorKind.UNPROCESSABLE, "provider_error", "the provider refused the token request (HTTP " + refused.status()
                + "): " + refused.error() + (refused.description() == null ? "" : ": " + refused.description()), List.of(), OptionalLong.empty());
    }
}
