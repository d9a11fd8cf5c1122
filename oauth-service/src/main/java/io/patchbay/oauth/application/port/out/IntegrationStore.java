package io.patchbay.oauth.application.port.out;

import io.patchbay.oauth.domain.OAuthIntegration;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Integrations and their sealed secrets. Sealed values go in and never come out of this port except through {@link #sealedSecrets}. */
public interface IntegrationStore {
    /** Stores the integration and its sealed secrets atomically; returns it with its numeric id. */
    OAuthIntegration insert(OAuthIntegration integration, Map<String, String> sealedSecrets);

    Optional<OAuthIntegration> findByGuid(UUID guid);

    Optional<OAuthIntegration> findById(long id);

    List<OAuthIntegration> listByTeam(String teamId);

    List<OAuthIntegration> listAll();

    /** The team's integrations among {@code guids} (others are simply absent). */
    List<OAuthIntegration> findByGuids(String teamId, Collection<UUID> guids);

    /** Saves a change made from version {@code changed.version() - 1}; a lost race is a 409. */
    void update(OAuthIntegration changed, Map<String, String> sealedSecrets, Set<String> removedSecrets, String by);

    boolean delete(long id);

    Map<Long, Integer> contentCounts(Collection<Long> ids);

    /** The sealed secrets of one integration (for the provider calls of the token flows). */
    Map<String, String> sealedSecrets(long id);

    /**
     * The integrations linked to any of the configurations (what a batch of lifecycle events changes), in (configuration
     * id, id) order, locked until the transaction ends.
     */
    List<OAuthIntegration> lockByConfigurations(Collection<String> configurationIds);

    /**
     * Saves the lifecycle fields (state, disable reason, version, updated time and by) of many integrations in one
     * statement, each if its stored version is still {@code readVersion}; otherwise 409 and nothing is saved.
     */
    void updateLifecycle(Collection<LifecycleChange> changes);

    /** Deletes the integrations with their secrets, associations and sessions. */
    void deleteAll(Collection<Long> ids);

    /** An integration as changed by lifecycle events, with the version it was read with. */
    record LifecycleChange(long readVersion, OAuthIntegration integration) {
    }
}
