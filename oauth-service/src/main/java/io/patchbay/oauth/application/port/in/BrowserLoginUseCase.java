package io.patchbay.oauth.application.port.in;

import io.patchbay.kernel.auth.Caller;

import java.util.UUID;

/** The browser flow: authorization code with PKCE; the {@code state} is bound to the user, single-use and expiring. */
public interface BrowserLoginUseCase {
    record Completed(UUID integrationGuid, UUID sessionGuid) {
    }

    /** @return the provider's authorization URL to redirect the browser to */
    String start(Caller caller, UUID integrationGuid);

    /** The provider's redirect back: {@code code} and {@code state}, or {@code error} (+ description). */
    Completed complete(String state, String code, String error, String errorDescription);
}
