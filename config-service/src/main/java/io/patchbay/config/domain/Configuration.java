package io.patchbay.config.domain;

import io.patchbay.kernel.error.DomainException;
import io.patchbay.kernel.event.ConfigurationDeleted;
import io.patchbay.kernel.event.ConfigurationDisabled;
import io.patchbay.kernel.event.ConfigurationEnabled;
import io.patchbay.kernel.event.ConfigurationLifecycleEvent;
import io.patchbay.kernel.event.ConfigurationTransferred;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One installation of an app by a user or a team, and its lifecycle: active → disabled → enabled/transferred →
 * deletion requested → deleted. Every change increments {@link #version()}; lifecycle changes return the event to
 * publish (empty when nothing changed).
 */
public final class Configuration {
    public static final String ID_PREFIX = "icfg_";

    private final String id;
    private final String integrationId;
    private final String slug;
    private String ownerId;
    private String teamId;
    private String userId;
    private List<String> scopes;
    private ProjectSelection projectSelection;
    private List<String> projects;
    private final Source source;
    private final InstallationType installationType;
    private InstallStatus status;
    private String externalId;
    private Notification notification;
    private final long createdAt;
    private long updatedAt;
    private final Long completedAt;
    private Long disabledAt;
    private DisableReason disabledReason;
    private Long deleteRequestedAt;
    private Long customerDeleteRequestedAt;
    private Long deletedAt;
    private long version;
    private final String createdBy;
    private String updatedBy;

    public Configuration(String id, String integrationId, String slug, String ownerId, String teamId, String userId, List<String> scopes,
                         ProjectSelection projectSelection, List<String> projects, Source source, InstallationType installationType,
                         InstallStatus status, String externalId, Notification notification, long createdAt, long updatedAt,
                         Long completedAt, Long disabledAt, DisableReason disabledReason, Long deleteRequestedAt,
                         Long customerDeleteRequestedAt, Long deletedAt, long version, String createdBy, String updatedBy) {
        this.id = Objects.requireNonNull(id);
        this.integrationId = Objects.requireNonNull(integrationId);
        this.slug = Objects.requireNonNull(slug);
        this.ownerId = Objects.requireNonNull(ownerId);
        this.teamId = teamId;
        this.userId = Objects.requireNonNull(userId);
        this.scopes = List.copyOf(scopes);
        this.projectSelection = Objects.requireNonNull(projectSelection);
        this.projects = projects == null ? null : List.copyOf(projects);
        this.source = Objects.requireNonNull(source);
        this.installationType = Objects.requireNonNull(installationType);
        this.status = status;
        this.externalId = externalId;
        this.notification = notification;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.completedAt = completedAt;
        this.disabledAt = disabledAt;
        this.disabledReason = disabledReason;
        this.deleteRequestedAt = deleteRequestedAt;
        this.customerDeleteRequestedAt = customerDeleteRequestedAt;
        this.deletedAt = deletedAt;
        this.version = version;
        this.createdBy = createdBy;
        this.updatedBy = updatedBy;
    }

    /** A new installation of {@code app}, finished now. Marketplace installs wait for the partner ({@code pending}). */
    public static Configuration install(String id, App app, String teamId, String userId, List<String> scopes, ProjectSelection selection,
                                        List<String> projects, Source source, long now) {
        InstallationType type = app.defaultInstallationType();
        InstallStatus status = type == InstallationType.MARKETPLACE ? InstallStatus.PENDING : InstallStatus.READY;
        String owner = teamId != null ? teamId : userId;
        return new Configuration(id, app.id(), app.slug(), owner, teamId, userId, scopes, selection, projects, source, type, status,
                null, null, now, now, now, null, null, null, null, null, 1, userId, userId);
    }

    // ---- behaviour -------------------------------------------------------------------------------------------------

    public void changeAccess(List<String> newScopes, ProjectSelection selection, List<String> newProjects, String actor, long now) {
        requireNotDeletionRequested();
        this.scopes = List.copyOf(newScopes);
        this.projectSelection = selection;
        this.projects = newProjects == null ? null : List.copyOf(newProjects);
        touch(actor, now);
    }

    public void partnerUpdate(InstallStatus newStatus, String newExternalId, Optional<Notification> newNotification, boolean notificationGiven,
                              String actor, long now) {
        if (newStatus != null) {
            this.status = newStatus;
        }
        if (newExternalId != null) {
            this.externalId = newExternalId;
        }
        if (notificationGiven) {
            this.notification = newNotification.orElse(null);
        }
        touch(actor, now);
    }

    public Optional<ConfigurationLifecycleEvent> disable(DisableReason reason, String actor, long now) {
        if (isDisabled()) {
            return Optional.empty();
        }
        this.disabledAt = now;
        this.disabledReason = reason;
        touch(actor, now);
        return Optional.of(new ConfigurationDisabled(id, integrationId, slug, ownerId, teamId, userId, version, now, now, reason.eventName()));
    }

    /** Ends a disable; membership reasons end only by transfer (409). Enabling an active configuration changes nothing. */
    public Optional<ConfigurationLifecycleEvent> enable(String actor, long now) {
        if (!isDisabled()) {
            return Optional.empty();
        }
        if (disabledReason.isMembershipReason()) {
            throw new DomainException.Conflict("configuration was disabled because " + disabledReason.eventName()
                    + "; it comes back only by transfer to a user who may act for the team");
        }
        DisableReason previous = disabledReason;
        this.disabledAt = null;
        this.disabledReason = null;
        touch(actor, now);
        return Optional.of(new ConfigurationEnabled(id, integrationId, slug, ownerId, teamId, userId, version, now, now, previous.eventName()));
    }

    /** Moves the configuration to another acting user and optionally another team; clears any disable. */
    public ConfigurationLifecycleEvent transfer(String newUserId, String newTeamId, String actor, long now) {
        requireNotDeletionRequested();
        String previousUser = userId;
        String previousOwner = ownerId;
        String previousTeam = teamId;
        this.userId = newUserId;
        this.teamId = newTeamId;
        this.ownerId = newTeamId != null ? newTeamId : newUserId;
        this.disabledAt = null;
        this.disabledReason = null;
        touch(actor, now);
        return new ConfigurationTransferred(id, integrationId, slug, ownerId, teamId, userId, version, now, now, previousUser,
                previousOwner, previousTeam);
    }

    /**
     * The customer asks to delete. External installs are deleted now (event returned); marketplace installs wait for the
     * partner to finalize (or the grace period). Asking again changes nothing.
     */
    public Optional<ConfigurationLifecycleEvent> requestDeletion(String actor, long now) {
        if (isDeleted() || isDeletionRequested()) {
            return Optional.empty();
        }
        if (installationType == InstallationType.MARKETPLACE) {
            this.deleteRequestedAt = now;
            this.customerDeleteRequestedAt = now;
            touch(actor, now);
            return Optional.empty();
        }
        return Optional.of(markDeleted(actor, now));
    }

    /** The partner settled (or the grace period ran out): a requested deletion completes. */
    public Optional<ConfigurationLifecycleEvent> completeDeletion(String actor, long now) {
        if (isDeleted()) {
            return Optional.empty();
        }
        if (!isDeletionRequested()) {
            throw new DomainException.Conflict("no deletion was requested for this configuration");
        }
        return Optional.of(markDeleted(actor, now));
    }

    private ConfigurationLifecycleEvent markDeleted(String actor, long now) {
        this.deletedAt = now;
        touch(actor, now);
        return new ConfigurationDeleted(id, integrationId, slug, ownerId, teamId, userId, version, now, now, deleteRequestedAt);
    }

    /** Manual changes are refused while a deletion is requested (409); the automatic triggers still apply. */
    public void requireNotDeletionRequested() {
        if (isDeletionRequested()) {
            throw new DomainException.Conflict("deletion of this configuration has been requested");
        }
    }

    private void touch(String actor, long now) {
        this.updatedAt = Math.max(now, updatedAt);
        this.updatedBy = actor;
        this.version++;
    }

    // ---- state -----------------------------------------------------------------------------------------------------

    public boolean isDisabled() {
        return disabledAt != null;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public boolean isDeletionRequested() {
        return deleteRequestedAt != null && deletedAt == null;
    }

    public boolean isTeamInstall() {
        return teamId != null;
    }

    public String id() { return id; }
    public String integrationId() { return integrationId; }
    public String slug() { return slug; }
    public String ownerId() { return ownerId; }
    public String teamId() { return teamId; }
    public String userId() { return userId; }
    public List<String> scopes() { return scopes; }
    public ProjectSelection projectSelection() { return projectSelection; }
    public List<String> projects() { return projects; }
    public Source source() { return source; }
    public InstallationType installationType() { return installationType; }
    public InstallStatus status() { return status; }
    public String externalId() { return externalId; }
    public Notification notification() { return notification; }
    public long createdAt() { return createdAt; }
    public long updatedAt() { return updatedAt; }
    public Long completedAt() { return completedAt; }
    public Long disabledAt() { return disabledAt; }
    public DisableReason disabledReason() { return disabledReason; }
    public Long deleteRequestedAt() { return deleteRequestedAt; }
    public Long customerDeleteRequestedAt() { return customerDeleteRequestedAt; }
    public Long deletedAt() { return deletedAt; }
    public long version() { return version; }
    public String createdBy() { return createdBy; }
    public String updatedBy() { return updatedBy; }
}
