package io.patchbay.oauth.adapter.out.persistence;

import io.patchbay.oauth.application.PublishedNames;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.patchbay.kernel.error.Problems;
import io.patchbay.kernel.secret.SecretBox;
import io.patchbay.oauth.application.port.out.IntegrationStore;
import io.patchbay.oauth.application.port.out.SealedValueStore;
import io.patchbay.oauth.domain.AuthType;
import io.patchbay.oauth.domain.IntegrationState;
import io.patchbay.oauth.domain.OAuthIntegration;
import io.patchbay.kernel.infra.jdbc.Columns;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/** Integrations with their secret names (oauth_integration + oauth_integration_secret), and the sealed values for re-encryption. */
@Singleton
class IntegrationPersistenceAdapter implements IntegrationStore, SealedValueStore {
    /** Ids per IN list when secret names are read for many integrations at once. */
    private static final int IDS_PER_QUERY = 1000;

    private final IntegrationRepository integrations;
    private final SecretRepository secrets;
    private final AssociationRepository associations;
    private final SessionRepository sessions;

    IntegrationPersistenceAdapter(IntegrationRepository integrations, SecretRepository secrets, AssociationRepository associations,
                                  SessionRepository sessions) {
        this.integrations = integrations;
        this.secrets = secrets;
        this.associations = associations;
        this.sessions = sessions;
    }

    @Override
    @Transactional
    public OAuthIntegration insert(OAuthIntegration i, Map<String, String> sealedSecrets) {
        IntegrationRow stored = integrations.save(toRow(i));
        putSecrets(stored.id(), sealedSecrets, i.updatedTime(), i.updatedBy());
        return toDomain(stored, sealedSecrets.keySet());
    }

    @Override
    public Optional<OAuthIntegration> findByGuid(UUID guid) {
        return integrations.findByGuid(guid).map(this::withSecretNames);
    }

    @Override
    public Optional<OAuthIntegration> findById(long id) {
        return integrations.findById(id).map(this::withSecretNames);
    }

    @Override
    public List<OAuthIntegration> listByTeam(String teamId) {
        return withSecretNames(integrations.findByTeamIdOrderById(teamId));
    }

    @Override
    public List<OAuthIntegration> listAll() {
        return withSecretNames(integrations.listOrderById());
    }

    @Override
    public List<OAuthIntegration> findByGuids(String teamId, Collection<UUID> guids) {
        if (guids.isEmpty()) {
            return List.of();
        }
        return withSecretNames(integrations.findByTeamIdAndGuidInOrderById(teamId, guids));
    }

    @Override
    @Transactional
    public void update(OAuthIntegration c, Map<String, String> sealedSecrets, Set<String> removedSecrets, String by) {
        try {
            // the row as read (version - 1); the repository writes version and checks the one read
            integrations.update(toRow(c, c.version() - 1));
        } catch (OptimisticLockException e) {
            throw Problems.conflict("OAuth integration " + c.guid() + " was changed by another request; read it again and retry");
        }
        if (!removedSecrets.isEmpty()) {
            secrets.deleteByIdIntegrationIdAndIdNameIn(c.id(), removedSecrets);
        }
        putSecrets(c.id(), sealedSecrets, c.updatedTime(), by);
    }

    private void putSecrets(long id, Map<String, String> sealedSecrets, Instant now, String by) {
        sealedSecrets.forEach((name, sealed) -> secrets.upsert(id, name, sealed, SecretBox.keyIdOf(sealed), now, by));
    }

    @Override
    public boolean delete(long id) {
        return integrations.deleteById(id) == 1;
    }

    @Override
    public Map<Long, Integer> contentCounts(Collection<Long> ids) {
        Map<Long, Integer> counts = new HashMap<>();
        if (ids.isEmpty()) {
            return counts;
        }
        associations.countByIntegration(ids.toArray(Long[]::new)).forEach(c -> counts.put(c.integrationId(), Math.toIntExact(c.contents())));
        return counts;
    }

    @Override
    public Map<String, String> sealedSecrets(long id) {
        Map<String, String> out = new TreeMap<>();
        secrets.findByIdIntegrationId(id).forEach(s -> out.put(s.id().name(), s.sealedValue()));
        return out;
    }

    @Override
    public List<OAuthIntegration> lockByConfigurations(Collection<String> configurationIds) {
        if (configurationIds.isEmpty()) {
            return List.of();
        }
        return withSecretNames(integrations.lockByConfigurationIds(configurationIds.toArray(String[]::new)));
    }

    @Override
    public void updateLifecycle(Collection<LifecycleChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        int n = changes.size();
        int written = integrations.updateLifecycle(
                Columns.of(changes, c -> Long.toString(c.integration().id())),
                Columns.of(changes, c -> Long.toString(c.readVersion())),
                Columns.of(changes, c -> PublishedNames.NAMES.name(c.integration().state())),
                Columns.of(changes, c -> c.integration().disabledReason()),
                Columns.of(changes, c -> Long.toString(c.integration().version())),
                Columns.of(changes, c -> c.integration().updatedTime().toString()),
                Columns.of(changes, c -> c.integration().updatedBy()));
        if (written != n) {
            throw Problems.conflict((n - written) + " of " + n + " OAuth integrations were changed by another request; retry");
        }
    }

    @Override
    public void deleteAll(Collection<Long> ids) {
        if (!ids.isEmpty()) {
            integrations.deleteByIds(ids.stream().map(String::valueOf).toArray(String[]::new));
        }
    }

    // --- re-encryption

    @Override
    public List<SealedSecret> secretsNotUnder(String keyId, long afterIntegrationId, String afterName, int limit) {
        return secrets.findNotUnder(keyId, afterIntegrationId, afterName, limit).stream()
                .map(s -> new SealedSecret(s.id().integrationId(), s.id().name(), s.sealedValue())).toList();
    }

    @Override
    public boolean replaceSecret(SealedSecret old, String resealed, String keyId) {
        return secrets.replace(old.integrationId(), old.name(), old.sealed(), resealed, keyId) == 1;
    }

    @Override
    public List<SealedSession> sessionsNotUnder(String keyId, long afterId, int limit) {
        return sessions.findByKeyIdNotEqualAndIdGreaterThan(keyId, afterId, Pageable.from(0, limit, Sort.of(Sort.Order.asc("id")))).stream()
                .map(s -> new SealedSession(s.id(), s.accessTokenSealed(), s.refreshTokenSealed())).toList();
    }

    @Override
    public boolean replaceSession(SealedSession old, String accessToken, String refreshToken, String keyId) {
        return sessions.replaceTokens(old.id(), old.accessToken(), old.refreshToken(), accessToken, refreshToken, keyId) == 1;
    }

    // --- mapping

    private OAuthIntegration withSecretNames(IntegrationRow row) {
        return withSecretNames(List.of(row)).getFirst();
    }

    private List<OAuthIntegration> withSecretNames(List<IntegrationRow> rows) {
        Map<Long, Set<String>> names = new HashMap<>();
        List<Long> ids = rows.stream().map(IntegrationRow::id).toList();
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            secrets.findByIdIntegrationIdIn(ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)))
                    .forEach(s -> names.computeIfAbsent(s.id().integrationId(), x -> new HashSet<>()).add(s.id().name()));
        }
        return rows.stream().map(r -> toDomain(r, names.getOrDefault(r.id(), Set.of()))).toList();
    }

    private static IntegrationRow toRow(OAuthIntegration i) {
        return toRow(i, i.version());
    }

    private static IntegrationRow toRow(OAuthIntegration i, long version) {
        return new IntegrationRow(i.id(), i.guid(), i.teamId(), i.name(), i.description(), i.template(), PublishedNames.NAMES.name(i.authType()), i.config(),
                i.configurationId(), PublishedNames.NAMES.name(i.state()), i.disabledReason(), version, i.createdTime(), i.updatedTime(), i.createdBy(), i.updatedBy());
    }

    private static OAuthIntegration toDomain(IntegrationRow r, Set<String> secretNames) {
        return new OAuthIntegration(r.id(), r.guid(), r.teamId(), r.name(), r.description(), r.template(), PublishedNames.NAMES.fromStored(AuthType.class, r.authType(), "integration.auth_type"),
                r.config(), secretNames, r.configurationId(), PublishedNames.NAMES.fromStored(IntegrationState.class, r.state(), "integration.state"), r.disabledReason(),
                r.version(), r.createdTime(), r.updatedTime(), r.createdBy(), r.updatedBy());
    }
}
