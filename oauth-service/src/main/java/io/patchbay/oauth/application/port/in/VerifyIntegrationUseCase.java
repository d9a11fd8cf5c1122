package io.patchbay.oauth.application.port.in;

import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.auth.NamedTeam;

import java.util.UUID;

/** A real client-credentials request for a Service Account integration; the outcome is reported, the token never. */
public interface VerifyIntegrationUseCase {
    /** {@code verified} with the token's metadata, or the provider's refusal / unreachability (secrets stripped). */
    record Verification(boolean verified, Integer providerStatus, String error, String errorDescription, String tokenType, Long expiresIn,
                        String scope) {
    }

    Verification verify(Caller caller, NamedTeam team, UUID guid);
}
