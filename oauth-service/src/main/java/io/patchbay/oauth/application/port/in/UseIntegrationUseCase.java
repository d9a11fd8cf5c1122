package io.patchbay.oauth.application.port.in;

import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.auth.NamedTeam;
import io.patchbay.oauth.domain.OAuthIntegration;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * The entry point of the token flows (verify, credential exchange, login): the integration, visible to the caller with the
 * role the flow needs, its usability checked (disabled → 409) and its secrets opened for the provider call only.
 */
public interface UseIntegrationUseCase {
    /** The role a flow needs in the integration's team. */
    enum Need {
        /** verify */
        ADMINISTRATOR,
        /** credential exchange */
        PUBLISHER,
        /** browser login: any member of the team, viewers included */
        MEMBER
    }

    record Usable(OAuthIntegration integration, Map<String, String> secrets) {
        @Override
        public String toString() {
            return "Usable[" + integration.guid() + ", secrets=" + secrets.keySet() + "]";
        }
    }

    Usable requireUsable(Caller caller, NamedTeam team, UUID guid, Need need);

    /** For the login callback, which carries no token (the login's state names integration and user): usable or 409, else 404. */
    Usable requireUsable(long integrationId);

    /** The integration's secret values (whatever its state), for scrubbing text a provider or a browser sent about it. */
    Collection<String> secretValues(long integrationId);
}
