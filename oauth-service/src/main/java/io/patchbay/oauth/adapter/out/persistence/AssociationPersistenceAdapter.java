package io.patchbay.oauth.adapter.out.persistence;

import io.patchbay.oauth.application.PublishedNames;
import io.patchbay.oauth.application.port.out.AssociationStore;
import io.patchbay.oauth.domain.Association;
import io.patchbay.oauth.domain.AuthType;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** content_association rows, each shown with its integration's summary (read by id from {@link IntegrationRepository}). */
@Singleton
class AssociationPersistenceAdapter implements AssociationStore {
    private final AssociationRepository associations;
    private final IntegrationRepository integrations;

    AssociationPersistenceAdapter(AssociationRepository associations, IntegrationRepository integrations) {
        this.associations = associations;
        this.integrations = integrations;
    }

    @Override
    @Transactional
    public List<Association> forContent(String teamId, UUID contentGuid) {
        List<AssociationRow> rows = associations.findByIdTeamIdAndIdContentGuidOrderByCreatedTimeAndIdIntegrationId(teamId, contentGuid);
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, IntegrationRow> byId = integrations.findByIdIn(rows.stream().map(r -> r.id().integrationId()).toList()).stream()
                .collect(Collectors.toMap(IntegrationRow::id, Function.identity()));
        return rows.stream().map(r -> map(r, byId.get(r.id().integrationId()))).toList();
    }

    @Override
    @Transactional
    public List<Association> forIntegration(long integrationId) {
        List<AssociationRow> rows = associations.findByIdIntegrationIdOrderByCreatedTimeAndIdContentGuid(integrationId);
        if (rows.isEmpty()) {
            return List.of();
        }
        IntegrationRow integration = integrations.findById(integrationId).orElseThrow();
        return rows.stream().map(r -> map(r, integration)).toList();
    }

    @Override
    @Transactional
    public void replace(String teamId, UUID contentGuid, List<Long> integrationIds, Instant now, String by) {
        if (integrationIds.isEmpty()) {
            associations.deleteByIdTeamIdAndIdContentGuid(teamId, contentGuid);
            return;
        }
        associations.deleteByIdTeamIdAndIdContentGuidAndIdIntegrationIdNotIn(teamId, contentGuid, integrationIds);
        associations.addMissing(teamId, contentGuid, integrationIds.toArray(Long[]::new), now, by);
    }

    private static Association map(AssociationRow a, IntegrationRow i) {
        return new Association(a.id().contentGuid(), i.guid(), i.name(), i.description(), i.template(), PublishedNames.NAMES.fromStored(AuthType.class, i.authType(), "integration.auth_type"),
                a.createdTime());
    }
}
