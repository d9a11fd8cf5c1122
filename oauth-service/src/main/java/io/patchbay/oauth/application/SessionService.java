package io.patchbay.oauth.application;

import io.patchbay.kernel.error.DomainException;
import io.patchbay.kernel.audit.AuditTrail;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.auth.TeamMembership;
import io.patchbay.oauth.application.port.in.SessionsUseCase;
import io.patchbay.oauth.application.port.out.SessionStore;
import io.patchbay.oauth.domain.OAuthSession;
import io.patchbay.oauth.domain.PositRole;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A session is visible to its user, to administrators of its integration's team and to platform admins; to anyone else it does not exist (404). */
@Singleton
public class SessionService implements SessionsUseCase {
    private final SessionStore sessions;
    private final AuditTrail audit;

    public SessionService(SessionStore sessions, AuditTrail audit) {
        this.sessions = sessions;
        this.audit = audit;
    }

    @Override
    @Transactional
    public List<OAuthSession> list(Caller caller) {
        List<String> adminTeams = caller.teams().stream().filter(t -> PositRole.of(t.role()).isAdministrator()).map(TeamMembership::teamId).toList();
        return sessions.list(caller.userId(), adminTeams, caller.isAdmin());
    }

    @Override
    @Transactional
    public OAuthSession get(Caller caller, UUID guid) {
        return visible(caller, guid);
    }

    @Override
    @Transactional
    public void delete(Caller caller, UUID guid) {
        OAuthSession session = visible(caller, guid);
        sessions.delete(session.id());
        audit.record(OAuthAudit.session("deleted", session, Map.of()));
    }

    private OAuthSession visible(Caller caller, UUID guid) {
        OAuthSession session = sessions.findByGuid(guid).orElseThrow(() -> new DomainException.NotFound("OAuth session " + guid));
        boolean own = session.userId().equals(caller.userId());
        boolean administrator = PositRole.of(caller, session.integrationTeamId()).map(PositRole::isAdministrator).orElse(false);
        if (!own && !administrator) {
            throw new DomainException.NotFound("OAuth session " + guid);
        }
        return session;
    }
}
