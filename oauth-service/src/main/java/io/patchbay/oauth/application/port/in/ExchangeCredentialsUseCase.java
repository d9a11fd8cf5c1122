package io.patchbay.oauth.application.port.in;

import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.auth.NamedTeam;

import java.util.UUID;

/**
 * RFC 8693 token exchange for content: a Service Account integration gives a fresh client-credentials token; a Viewer
 * integration gives the subject user's session token, refreshed when it has expired.
 */
public interface ExchangeCredentialsUseCase {
    record Credentials(String accessToken, String tokenType, Long expiresIn) {
        @Override
        public String toString() {
            return "Credentials[" + tokenType + ", expiresIn=" + expiresIn + "]";
        }
    }

    /** @param subjectUserId the user the subject token names (verified by the caller of this port) */
    Credentials exchange(Caller caller, NamedTeam team, UUID integrationGuid, String subjectUserId);
}
