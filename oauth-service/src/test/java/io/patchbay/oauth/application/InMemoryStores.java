package io.patchbay.oauth.application;

import io.patchbay.kernel.error.Problems;
import io.patchbay.kernel.id.ConfigurationId;
import io.patchbay.oauth.application.port.out.AssociationStore;
import io.patchbay.kernel.event.ConfigurationLinkPort;
import io.patchbay.oauth.application.port.out.IntegrationStore;
import io.patchbay.oauth.application.port.out.SealedValueStore;
import io.patchbay.oauth.domain.Association;
import io.patchbay.oauth.domain.IntegrationState;
import io.patchbay.oauth.domain.OAuthIntegration;
import io.patchbay.kernel.secret.SecretBox;

import io.patchbay.kernel.audit.AuditRecord;
import io.patchbay.kernel.audit.AuditTrail;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/** The out-ports in memory, for the use-case tests: integrations, their sealed secrets, associations, projections, links. */
final class InMemoryStores implements IntegrationStore, AssociationStore, SealedValueStore, ConfigurationLinkPort,
        AuditTrail {
    /** The audit entries the use cases recorded, in order. */
    final List<AuditRecord> audited = new ArrayList<>();

    @Override
    public void recordAll(Collection<AuditRecord> records) {
        audited.addAll(records);
    }

    record Row(UUID content, String team, long integrationId, Instant created) {
    }

    final Map<Long, OAuthIntegration> integrations = new TreeMap<>();
    final Map<Long, Map<String, String>> secrets = new HashMap<>();
    final List<Row> associations = new ArrayList<>();
    /** What the lifecycle events said of a configuration (the kernel's projection). */
    final Map<String, Projection> projections = new HashMap<>();
    /** config-service's answers: the configurations the caller may see. */
    final Map<String, LinkedConfiguration> configurations = new HashMap<>();

    enum State { ACTIVE, DISABLED, DELETED }

    record Projection(State state, String reason, long version) {
    }

    record LinkedConfiguration(String id, boolean disabled, String disabledReason) {
    }
    private long nextId = 1;

    @Override
    public OAuthIntegration insert(OAuthIntegration integration, Map<String, String> sealedSecrets) {
        OAuthIntegration stored = integration.withId(nextId++);
        integrations.put(stored.id(), stored);
        secrets.put(stored.id(), new TreeMap<>(sealedSecrets));
        return stored;
    }

    @Override
    public Optional<OAuthIntegration> findByGuid(UUID guid) {
        return integrations.values().stream().filter(i -> i.guid().equals(guid)).findFirst();
    }

    @Override
    public Optional<OAuthIntegration> findById(long id) {
        return Optional.ofNullable(integrations.get(id));
    }

    @Override
    public List<OAuthIntegration> listByTeam(String teamId) {
        return integrations.values().stream().filter(i -> i.teamId().equals(teamId)).toList();
    }

    @Override
    public List<OAuthIntegration> listAll() {
        return List.copyOf(integrations.values());
    }

    @Override
    public List<OAuthIntegration> findByGuids(String teamId, Collection<UUID> guids) {
        return listByTeam(teamId).stream().filter(i -> guids.contains(i.guid())).toList();
    }

    @Override
    public void update(OAuthIntegration changed, Map<String, String> sealedSecrets, Set<String> removedSecrets, String by) {
        OAuthIntegration current = integrations.get(changed.id());
        if (current == null || current.version() != changed.version() - 1) {
            throw Problems.conflict("changed meanwhile");
        }
        integrations.put(changed.id(), changed);
        Map<String, String> s = secrets.get(changed.id());
        removedSecrets.forEach(s::remove);
        s.putAll(sealedSecrets);
    }

    @Override
    public boolean delete(long id) {
        associations.removeIf(r -> r.integrationId() == id);
        secrets.remove(id);
        return integrations.remove(id) != null;
    }

    @Override
    public Map<Long, Integer> contentCounts(Collection<Long> ids) {
        Map<Long, Integer> out = new HashMap<>();
        associations.stream().filter(r -> ids.contains(r.integrationId())).forEach(r -> out.merge(r.integrationId(), 1, Integer::sum));
        return out;
    }

    @Override
    public Map<String, String> sealedSecrets(long id) {
        return Map.copyOf(secrets.getOrDefault(id, Map.of()));
    }

    @Override
    public List<OAuthIntegration> lockByConfigurations(Collection<String> configurationIds) {
        return integrations.values().stream().filter(i -> configurationIds.contains(i.configurationId()))
                .sorted(java.util.Comparator.comparing(OAuthIntegration::configurationId).thenComparing(OAuthIntegration::id)).toList();
    }

    @Override
    public void updateLifecycle(Collection<LifecycleChange> changes) {
        for (LifecycleChange change : changes) {
            OAuthIntegration current = integrations.get(change.integration().id());
            if (current == null || current.version() != change.readVersion()) {
                throw Problems.conflict("changed by another request");
            }
        }
        changes.forEach(c -> integrations.put(c.integration().id(), c.integration()));
    }

    @Override
    public void deleteAll(Collection<Long> ids) {
        ids.forEach(this::delete);
    }

    @Override
    public List<Association> forContent(String teamId, UUID contentGuid) {
        return associations.stream().filter(r -> r.team().equals(teamId) && r.content().equals(contentGuid)).map(this::association).toList();
    }

    @Override
    public List<Association> forIntegration(long integrationId) {
        return associations.stream().filter(r -> r.integrationId() == integrationId).map(this::association).toList();
    }

    private Association association(Row r) {
        OAuthIntegration i = integrations.get(r.integrationId());
        return new Association(r.content(), i.guid(), i.name(), i.description(), i.template(), i.authType(), r.created());
    }

    @Override
    public void replace(String teamId, UUID contentGuid, List<Long> integrationIds, Instant now, String by) {
        Map<Long, Instant> kept = new LinkedHashMap<>();
        associations.stream().filter(r -> r.team().equals(teamId) && r.content().equals(contentGuid)).forEach(r -> kept.put(r.integrationId(), r.created()));
        associations.removeIf(r -> r.team().equals(teamId) && r.content().equals(contentGuid));
        integrationIds.forEach(id -> associations.add(new Row(contentGuid, teamId, id, kept.getOrDefault(id, now))));
    }

    @Override
    public List<SealedSecret> secretsNotUnder(String keyId, long afterIntegrationId, String afterName, int limit) {
        List<SealedSecret> out = new ArrayList<>();
        for (var e : new TreeMap<>(secrets).entrySet()) {
            for (var s : new TreeMap<>(e.getValue()).entrySet()) {
                boolean after = e.getKey() > afterIntegrationId || (e.getKey() == afterIntegrationId && s.getKey().compareTo(afterName) > 0);
                if (after && !SecretBox.keyIdOf(s.getValue()).equals(keyId) && out.size() < limit) {
                    out.add(new SealedSecret(e.getKey(), s.getKey(), s.getValue()));
                }
            }
        }
        return out;
    }

    @Override
    public boolean replaceSecret(SealedSecret old, String resealed, String keyId) {
        Map<String, String> s = secrets.get(old.integrationId());
        if (s == null || !old.sealed().equals(s.get(old.name()))) {
            return false;
        }
        s.put(old.name(), resealed);
        return true;
    }

    @Override
    public List<SealedSession> sessionsNotUnder(String keyId, long afterId, int limit) {
        return List.of();
    }

    @Override
    public boolean replaceSession(SealedSession old, String accessToken, String refreshToken, String keyId) {
        return false;
    }

    /** The kernel's merge, without the lock (one thread): deleted by event → 422; the events decide once there are any. */
    @Override
    public <T> T link(ConfigurationId configurationId, String field, Function<Optional<String>, T> write) {
        Projection projection = projections.get(configurationId.value());
        if (projection != null && projection.state() == State.DELETED) {
            throw Problems.unprocessable(field, "configuration " + configurationId + " was deleted");
        }
        LinkedConfiguration c = configurations.get(configurationId.value());
        if (c == null) {
            throw Problems.unprocessable(field, "configuration " + configurationId + " does not exist or is not visible");
        }
        if (projection != null) {
            return write.apply(projection.state() == State.DISABLED ? Optional.of(projection.reason()) : Optional.empty());
        }
        return write.apply(c.disabled() ? Optional.of(c.disabledReason()) : Optional.empty());
    }
}
