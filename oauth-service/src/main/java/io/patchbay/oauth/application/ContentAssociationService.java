package io.patchbay.oauth.application;

import io.patchbay.kernel.error.DomainException;
import io.patchbay.kernel.audit.AuditTrail;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.auth.NamedTeam;
import io.patchbay.oauth.application.port.in.ContentAssociationsUseCase;
import io.patchbay.oauth.application.port.out.AssociationStore;
import io.patchbay.oauth.application.port.out.IntegrationStore;
import io.patchbay.oauth.domain.Association;
import io.patchbay.oauth.domain.OAuthIntegration;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@Singleton
public class ContentAssociationService implements ContentAssociationsUseCase {
    static final int MAX_ASSOCIATIONS = 100;

    private final IntegrationStore integrations;
    private final AssociationStore associations;
    private final AuditTrail audit;
    private final Clock clock;

    public ContentAssociationService(IntegrationStore integrations, AssociationStore associations, AuditTrail audit, Clock clock) {
        this.integrations = integrations;
        this.associations = associations;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public List<Association> list(Caller caller, NamedTeam named, UUID contentGuid) {
        String team = Access.actingTeam(caller, named);
        Access.requireReader(Access.roleIn(caller, team));
        return associations.forContent(team, contentGuid);
    }

    @Override
    @Transactional
    public void replace(Caller caller, NamedTeam named, UUID contentGuid, List<UUID> integrationGuids) {
        String team = Access.actingTeam(caller, named);
        Access.requireReader(Access.roleIn(caller, team));
        if (integrationGuids.size() > MAX_ASSOCIATIONS) {
            throw new DomainException.InvalidValue("body", "at most " + MAX_ASSOCIATIONS + " associations per content item");
        }
        List<UUID> wanted = List.copyOf(new LinkedHashSet<>(integrationGuids));
        Map<UUID, OAuthIntegration> found = integrations.findByGuids(team, wanted).stream()
                .collect(Collectors.toMap(OAuthIntegration::guid, Function.identity()));
        List<DomainException.Violation> unknown = new ArrayList<>();
        for (int i = 0; i < integrationGuids.size(); i++) {
            if (!found.containsKey(integrationGuids.get(i))) {
                unknown.add(new DomainException.Violation("[" + i + "].oauth_integration_guid", "OAuth integration " + integrationGuids.get(i)
                        + " does not exist in team " + team));
            }
        }
        if (!unknown.isEmpty()) {
            throw new DomainException.InvalidValue(unknown);
        }
        List<UUID> before = associations.forContent(team, contentGuid).stream().map(Association::integrationGuid).toList();
        associations.replace(team, contentGuid, wanted.stream().map(g -> found.get(g).id()).toList(),
                clock.instant().truncatedTo(ChronoUnit.SECONDS), caller.userId());
        audit.record(OAuthAudit.associations(team, contentGuid, before, wanted));
    }
}
