package io.patchbay.oauth.application.port.out;

/**
 * Token requests to an identity provider's token endpoint. Every answer is a {@link Result}: a token, the provider's refusal
 * (its error with every value we sent stripped out), or no answer (timeout, connection refused). Redirects are never followed.
 */
public interface TokenEndpoint {
    enum AuthMethod {
        /** client_id and client_secret in the form body. */
        CLIENT_SECRET_POST,
        /** HTTP Basic with client_id:client_secret. */
        CLIENT_SECRET_BASIC,
        /** A public client: client_id only. */
        NONE
    }

    /** The client as the provider knows it. {@code clientSecret} is null for public clients. */
    record Client(String tokenEndpoint, String clientId, String clientSecret, AuthMethod method) {
        @Override
        public String toString() {
            return "Client[" + tokenEndpoint + ", " + clientId + ", " + method + "]";
        }
    }

    sealed interface Result permits Issued, Refused, Unreachable {
    }

    /** A token response. {@code expiresIn} and {@code refreshToken} may be null. */
    record Issued(String accessToken, String tokenType, Long expiresIn, String refreshToken, String scope) implements Result {
        @Override
        public String toString() {
            return "Issued[" + tokenType + ", expiresIn=" + expiresIn + ", refresh=" + (refreshToken != null) + ", scope=" + scope + "]";
        }
    }

    /** The provider's error answer: HTTP status, OAuth {@code error} and {@code error_description}, secrets stripped. */
    record Refused(int status, String error, String description) implements Result {
    }

    /** No answer in time, or none at all. */
    record Unreachable(String reason) implements Result {
    }

    Result clientCredentials(Client client, String scope);

    Result authorizationCode(Client client, String code, String redirectUri, String codeVerifier);

    Result refresh(Client client, String refreshToken, String scope);
}
