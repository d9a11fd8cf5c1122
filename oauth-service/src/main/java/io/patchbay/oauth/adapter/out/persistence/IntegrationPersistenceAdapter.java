package io.patchbay.oauth.adapter.out.persistence;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.patchbay.kernel.error.Problems;
import io.patchbay.kernel.infra.jdbc.Sql;
import io.patchbay.kernel.secret.SecretBox;
import io.patchbay.oauth.application.port.out.IntegrationStore;
import io.patchbay.oauth.application.port.out.SealedValueStore;
import io.patchbay.oauth.domain.AuthType;
import io.patchbay.oauth.domain.IntegrationState;
import io.patchbay.oauth.domain.OAuthIntegration;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

@Singleton
class IntegrationPersistenceAdapter implements IntegrationStore, SealedValueStore {
    private static final String COLUMNS = "i.id, i.guid, i.team_id, i.name, i.description, i.template, i.auth_type, i.config::text AS config, "
            + "i.configuration_id, i.state, i.disabled_reason, i.version, i.created_time, i.updated_time, i.created_by, i.updated_by, "
            + "(SELECT coalesce(array_agg(s.name ORDER BY s.name), '{}') FROM oauth_integration_secret s WHERE s.integration_id = i.id) AS secret_names";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM oauth_integration i ";

    private final Sql sql;
    private final JsonMapper json;

    IntegrationPersistenceAdapter(Sql sql, JsonMapper json) {
        this.sql = sql;
        this.json = json;
    }

    @Override
    public OAuthIntegration insert(OAuthIntegration i, Map<String, String> sealedSecrets) {
        return sql.inTransaction(() -> {
            long id = sql.one("INSERT INTO oauth_integration (guid, team_id, name, description, template, auth_type, config, configuration_id, "
                            + "state, disabled_reason, version, created_time, updated_time, created_by, updated_by) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", r -> r.getLong(1),
                    i.guid(), i.teamId(), i.name(), i.description(), i.template(), i.authType().wire(), toJson(i.config()), i.configurationId(),
                    i.state().wire(), i.disabledReason(), i.version(), i.createdTime(), i.updatedTime(), i.createdBy(), i.updatedBy()).orElseThrow();
            putSecrets(id, sealedSecrets, i.updatedTime(), i.updatedBy());
            return i.withId(id);
        });
    }

    @Override
    public Optional<OAuthIntegration> findByGuid(UUID guid) {
        return sql.one(SELECT + "WHERE i.guid = ?", this::map, guid);
    }

    @Override
    public Optional<OAuthIntegration> findById(long id) {
        return sql.one(SELECT + "WHERE i.id = ?", this::map, id);
    }

    @Override
    public List<OAuthIntegration> listByTeam(String teamId) {
        return sql.list(SELECT + "WHERE i.team_id = ? ORDER BY i.id", this::map, teamId);
    }

    @Override
    public List<OAuthIntegration> listAll() {
        return sql.list(SELECT + "ORDER BY i.id", this::map);
    }

    @Override
    public List<OAuthIntegration> findByGuids(String teamId, Collection<UUID> guids) {
        if (guids.isEmpty()) {
            return List.of();
        }
        return sql.list(SELECT + "WHERE i.team_id = ? AND i.guid::text = ANY (?) ORDER BY i.id", this::map, teamId, List.copyOf(guids));
    }

    @Override
    public void update(OAuthIntegration c, Map<String, String> sealedSecrets, Set<String> removedSecrets, String by) {
        int updated = sql.update("UPDATE oauth_integration SET name = ?, description = ?, auth_type = ?, config = ?::jsonb, version = ?, "
                        + "updated_time = ?, updated_by = ? WHERE id = ? AND version = ?", c.name(), c.description(), c.authType().wire(),
                toJson(c.config()), c.version(), c.updatedTime(), c.updatedBy(), c.id(), c.version() - 1);
        if (updated != 1) {
            throw Problems.conflict("OAuth integration " + c.guid() + " was changed by another request; read it again and retry");
        }
        if (!removedSecrets.isEmpty()) {
            sql.update("DELETE FROM oauth_integration_secret WHERE integration_id = ? AND name = ANY (?)", c.id(), List.copyOf(removedSecrets));
        }
        putSecrets(c.id(), sealedSecrets, c.updatedTime(), by);
    }

    private void putSecrets(long id, Map<String, String> sealedSecrets, Instant now, String by) {
        sql.batch("INSERT INTO oauth_integration_secret (integration_id, name, sealed_value, key_id, updated_time, updated_by) "
                        + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (integration_id, name) DO UPDATE SET sealed_value = excluded.sealed_value, "
                        + "key_id = excluded.key_id, updated_time = excluded.updated_time, updated_by = excluded.updated_by",
                sealedSecrets.entrySet().stream().map(e -> new Object[]{id, e.getKey(), e.getValue(), SecretBox.keyIdOf(e.getValue()), now, by})
                        .toList());
    }

    @Override
    public boolean delete(long id) {
        return sql.update("DELETE FROM oauth_integration WHERE id = ?", id) == 1;
    }

    @Override
    public Map<Long, Integer> contentCounts(Collection<Long> ids) {
        Map<Long, Integer> counts = new HashMap<>();
        if (ids.isEmpty()) {
            return counts;
        }
        sql.each("SELECT integration_id, count(*) FROM content_association WHERE integration_id = ANY (?) GROUP BY integration_id",
                r -> Map.entry(r.getLong(1), r.getInt(2)), e -> counts.put(e.getKey(), e.getValue()), (Object) ids.toArray(Long[]::new));
        return counts;
    }

    @Override
    public Map<String, String> sealedSecrets(long id) {
        Map<String, String> out = new TreeMap<>();
        sql.each("SELECT name, sealed_value FROM oauth_integration_secret WHERE integration_id = ?", r -> Map.entry(r.getString(1), r.getString(2)),
                e -> out.put(e.getKey(), e.getValue()), id);
        return out;
    }

    @Override
    public int disableLinked(String configurationId, String reason, Instant now) {
        return sql.update("UPDATE oauth_integration SET state = 'disabled', disabled_reason = ?, version = version + 1, updated_time = ?, "
                + "updated_by = 'lifecycle' WHERE configuration_id = ?", reason, now, configurationId);
    }

    @Override
    public int activateLinked(String configurationId, Instant now) {
        return sql.update("UPDATE oauth_integration SET state = 'active', disabled_reason = NULL, version = version + 1, updated_time = ?, "
                + "updated_by = 'lifecycle' WHERE configuration_id = ? AND state <> 'active'", now, configurationId);
    }

    @Override
    public int deleteLinked(String configurationId) {
        return sql.update("DELETE FROM oauth_integration WHERE configuration_id = ?", configurationId);
    }

    // --- re-encryption

    @Override
    public List<SealedSecret> secretsNotUnder(String keyId, long afterIntegrationId, String afterName, int limit) {
        return sql.list("SELECT integration_id, name, sealed_value FROM oauth_integration_secret WHERE key_id <> ? AND (integration_id, name) > (?, ?) "
                        + "ORDER BY integration_id, name LIMIT ?", r -> new SealedSecret(r.getLong(1), r.getString(2), r.getString(3)),
                keyId, afterIntegrationId, afterName, limit);
    }

    @Override
    public boolean replaceSecret(SealedSecret old, String resealed, String keyId) {
        return sql.inTransaction(() -> sql.update("UPDATE oauth_integration_secret SET sealed_value = ?, key_id = ? "
                + "WHERE integration_id = ? AND name = ? AND sealed_value = ?", resealed, keyId, old.integrationId(), old.name(), old.sealed()) == 1);
    }

    @Override
    public List<SealedSession> sessionsNotUnder(String keyId, long afterId, int limit) {
        return sql.list("SELECT id, access_token_sealed, refresh_token_sealed FROM oauth_session WHERE key_id <> ? AND id > ? ORDER BY id LIMIT ?",
                r -> new SealedSession(r.getLong(1), r.getString(2), r.getString(3)), keyId, afterId, limit);
    }

    @Override
    public boolean replaceSession(SealedSession old, String accessToken, String refreshToken, String keyId) {
        return sql.inTransaction(() -> sql.update("UPDATE oauth_session SET access_token_sealed = ?, refresh_token_sealed = ?, key_id = ? "
                        + "WHERE id = ? AND access_token_sealed = ? AND refresh_token_sealed IS NOT DISTINCT FROM ?",
                accessToken, refreshToken, keyId, old.id(), old.accessToken(), old.refreshToken()) == 1);
    }

    private OAuthIntegration map(ResultSet r) throws SQLException {
        return new OAuthIntegration(r.getLong("id"), r.getObject("guid", UUID.class), r.getString("team_id"), r.getString("name"),
                r.getString("description"), r.getString("template"), AuthType.fromWire(r.getString("auth_type")).orElseThrow(),
                fromJson(r.getString("config")), Set.copyOf(Sql.strings(r, "secret_names")), r.getString("configuration_id"),
                IntegrationState.valueOf(r.getString("state").toUpperCase(Locale.ROOT)), r.getString("disabled_reason"), r.getLong("version"),
                r.getTimestamp("created_time").toInstant(), r.getTimestamp("updated_time").toInstant(), r.getString("created_by"),
                r.getString("updated_by"));
    }

    private String toJson(Map<String, String> config) {
        try {
            return json.writeValueAsString(new TreeMap<>(config));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, String> fromJson(String text) {
        try {
            return new LinkedHashMap<>(json.readValue(text, Argument.mapOf(String.class, String.class)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
