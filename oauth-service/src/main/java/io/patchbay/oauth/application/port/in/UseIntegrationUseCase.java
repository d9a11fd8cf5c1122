package io.patchbay.oauth.application.port.in;

import io.patchbay.kernel.auth.Caller;
import io.patchbay.oauth.domain.OAuthIntegration;

import java.util.UUID;

/**
 * The entry point of the token flows (next issue: verify, credential exchange, login): the integration, visible to the
 * caller, with its usability checked (disabled → 409) and its secrets opened for the provider call only.
 */
public interface UseIntegrationUseCase {
    record Usable(OAuthIntegration integration, java.util.Map<String, String> secrets) {
        @Override
        public String toString() {
            return "Usable[" + integration.guid() + ", secrets=" + secrets.keySet() + "]";
        }
    }

    Usable requireUsable(Caller caller, String teamHeader, UUID guid);
}
