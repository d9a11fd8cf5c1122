package io.patchbay.oauth.application.port.out;

import io.patchbay.oauth.domain.Association;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public interface AssociationStore {
    List<Association> forContent(String teamId, UUID contentGuid);

    List<Association> forIntegration(long integrationId);

    /** Replaces the content's set in the team with exactly these integrations (kept associations keep their created_time). */
    void replace(String teamId, UUID contentGuid, List<Long> integrationIds, Instant now, String by);
}
