package io.patchbay.oauth.application.port.in;

import io.patchbay.kernel.auth.Caller;
import io.patchbay.oauth.domain.OAuthSession;

import java.util.List;
import java.util.UUID;

/** Users' OAuth sessions: each user sees their own; administrators of a team see the sessions of its integrations. */
public interface SessionsUseCase {
    List<OAuthSession> list(Caller caller);

    OAuthSession get(Caller caller, UUID guid);

    void delete(Caller caller, UUID guid);
}
