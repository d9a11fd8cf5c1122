package io.patchbay.catalog.domain;

import io.patchbay.kernel.error.DomainException;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An integration of a tenant (team): its connection settings, credentials reference, sync status and link to a
 * config-service configuration. {@code revision} counts changes that need a new discovery, so a discovery that
 * finishes after the settings changed is not applied.
 */
public final class Integration {
    public static final String ID_PREFIX = "int_";

    private final String id;
    private final String teamId;
    private String name;
    private final String type;
    private final String category;
    private String connectorId;
    private IntegrationStatus status;
    private IntegrationStatus statusBeforeDisable;
    private String details;
    private Instant lastSyncTime;
    private Map<String, String> config;
    private SecretStore secretStore;
    private List<String> connectedResourceTypes;
    private String customAccessDetails;
    private Owner owner;
    private OwnerMapping ownersMapping;
    private String configurationId;
    private long revision;
    private final Instant createdAt;
    private Instant updatedAt;
    private final String createdBy;
    private String updatedBy;

    public Integration(String id, String teamId, String name, String type, String category, String connectorId, IntegrationStatus status,
                       IntegrationStatus statusBeforeDisable, String details, Instant lastSyncTime, Map<String, String> config,
                       SecretStore secretStore, List<String> connectedResourceTypes, String customAccessDetails, Owner owner,
                       OwnerMapping ownersMapping, String configurationId, long revision, Instant createdAt, Instant updatedAt,
                       String createdBy, String updatedBy) {
        this.id = Objects.requireNonNull(id);
        this.teamId = Objects.requireNonNull(teamId);
        this.name = name;
        this.type = type;
        this.category = category;
        this.connectorId = connectorId;
        this.status = status;
        this.statusBeforeDisable = statusBeforeDisable;
        this.details = details;
        this.lastSyncTime = lastSyncTime;
        this.config = Map.copyOf(config);
        this.secretStore = secretStore;
        this.connectedResourceTypes = connectedResourceTypes == null ? null : List.copyOf(connectedResourceTypes);
        this.customAccessDetails = customAccessDetails;
        this.owner = owner;
        this.ownersMapping = ownersMapping;
        this.configurationId = configurationId;
        this.revision = revision;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.createdBy = createdBy;
        this.updatedBy = updatedBy;
    }

    /** A new integration: {@code Initializing} with a discovery to queue, or {@code Disabled} when its configuration is. */
    public static Integration create(String id, String teamId, IntegrationSpec spec, CatalogType type, Map<String, String> config,
                                     SecretStore sealedStore, String connectorId, boolean disabled, Instant now, String by) {
        return new Integration(id, teamId, spec.name(), type.type(), type.category(), connectorId,
                disabled ? IntegrationStatus.DISABLED : IntegrationStatus.INITIALIZING, disabled ? IntegrationStatus.INITIALIZING : null,
                null, null, config, sealedStore, spec.connectedResourceTypes(), spec.customAccessDetails(), spec.owner(),
                spec.ownersMapping(), spec.configurationIdGiven() ? spec.configurationIdValue() : null, 1, now, now, by, by);
    }

    /**
     * Full replace of the writable fields (type excepted: it is immutable, the use case refuses another one before the
     * config is checked against the type). Returns true when a new discovery must be
     * queued (connection settings, credentials, connector or resource types changed).
     */
    public boolean replace(IntegrationSpec spec, Map<String, String> newConfig, SecretStore sealedStore, String newConnectorId,
                           Instant now, String by) {
        boolean rediscover = !newConfig.equals(config) || !Objects.equals(sealedStore, secretStore) || !newConnectorId.equals(connectorId)
                || !Objects.equals(spec.connectedResourceTypes(), connectedResourceTypes);
        name = spec.name();
        config = Map.copyOf(newConfig);
        secretStore = sealedStore;
        connectorId = newConnectorId;
        connectedResourceTypes = spec.connectedResourceTypes();
        customAccessDetails = spec.customAccessDetails();
        owner = spec.owner();
        ownersMapping = spec.ownersMapping();
        if (spec.configurationIdGiven()) {
            configurationId = spec.configurationIdValue();
        }
        touch(now, by);
        if (rediscover) {
            revision++;
            markSyncing(IntegrationStatus.REFRESHING);
        }
        return rediscover;
    }

    /** A refresh asked for by a user: 409 while one runs or while disabled. */
    public void refresh(Instant now, String by) {
        if (status == IntegrationStatus.DISABLED) {
            throw new DomainException.Conflict("integration " + id + " is disabled (its configuration " + configurationId + " is disabled); it cannot be refreshed");
        }
        if (status.isSyncing()) {
            throw new DomainException.Conflict("integration " + id + " is already being discovered; try again when the sync has finished");
        }
        status = IntegrationStatus.REFRESHING;
        touch(now, by);
    }

    private void markSyncing(IntegrationStatus syncing) {
        if (status == IntegrationStatus.DISABLED) {
            statusBeforeDisable = lastSyncTime == null ? IntegrationStatus.INITIALIZING : syncing;
        } else {
            status = lastSyncTime == null ? IntegrationStatus.INITIALIZING : syncing;
        }
    }

    /** The linked configuration was disabled. Returns false when it already was. */
    public boolean disable(Instant now) {
        if (status == IntegrationStatus.DISABLED) {
            return false;
        }
        statusBeforeDisable = status;
        status = IntegrationStatus.DISABLED;
        touch(now, "lifecycle");
        return true;
    }

    /** The linked configuration was enabled or transferred: the status before is back. Returns true when a discovery must be queued. */
    public boolean restore(Instant now) {
        if (status != IntegrationStatus.DISABLED) {
            return false;
        }
        IntegrationStatus before = statusBeforeDisable == null ? IntegrationStatus.INITIALIZING : statusBeforeDisable;
        if (lastSyncTime == null && !before.isSyncing()) {
            before = before == IntegrationStatus.ERROR ? IntegrationStatus.REFRESHING : IntegrationStatus.INITIALIZING;
        }
        status = before;
        statusBeforeDisable = null;
        touch(now, "lifecycle");
        return status.isSyncing();
    }

    /** A discovery ended with {@code outcome}. While disabled, the outcome becomes the status restored later. */
    public void syncFinished(IntegrationStatus outcome, String message, Instant now) {
        details = message;
        if (outcome != IntegrationStatus.ERROR) {
            lastSyncTime = now;
        }
        if (status == IntegrationStatus.DISABLED) {
            statusBeforeDisable = outcome;
        } else {
            status = outcome;
        }
        updatedAt = now;
    }

    private void touch(Instant now, String by) {
        updatedAt = now;
        updatedBy = by;
    }

    /** The resource types discovered: the connected ones, or all of the type's. */
    public List<String> effectiveResourceTypes(CatalogType catalogType) {
        return connectedResourceTypes == null ? catalogType.resourceTypeIds() : connectedResourceTypes;
    }

    public String id() { return id; }
    public String teamId() { return teamId; }
    public String name() { return name; }
    public String type() { return type; }
    public String category() { return category; }
    public String connectorId() { return connectorId; }
    public IntegrationStatus status() { return status; }
    public IntegrationStatus statusBeforeDisable() { return statusBeforeDisable; }
    public String details() { return details; }
    public Instant lastSyncTime() { return lastSyncTime; }
    public Map<String, String> config() { return config; }
    public SecretStore secretStore() { return secretStore; }
    public List<String> connectedResourceTypes() { return connectedResourceTypes; }
    public String customAccessDetails() { return customAccessDetails; }
    public Owner owner() { return owner; }
    public OwnerMapping ownersMapping() { return ownersMapping; }
    public String configurationId() { return configurationId; }
    public long revision() { return revision; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public String createdBy() { return createdBy; }
    public String updatedBy() { return updatedBy; }
}
