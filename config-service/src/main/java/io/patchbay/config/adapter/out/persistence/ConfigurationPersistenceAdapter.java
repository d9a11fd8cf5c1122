package io.patchbay.config.adapter.out.persistence;

import io.patchbay.config.application.PublishedNames;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.patchbay.config.application.port.out.BulkSelection;
import io.patchbay.config.application.port.out.ConfigurationListQuery;
import io.patchbay.config.application.port.out.ConfigurationPage;
import io.patchbay.config.application.port.out.ConfigurationStore;
import io.patchbay.config.application.port.out.PageKey;
import io.patchbay.config.domain.Configuration;
import io.patchbay.config.domain.DisableReason;
import io.patchbay.config.domain.InstallStatus;
import io.patchbay.config.domain.InstallationType;
import io.patchbay.config.domain.Notification;
import io.patchbay.config.domain.NotificationLevel;
import io.patchbay.config.domain.ProjectSelection;
import io.patchbay.config.domain.Source;
import io.patchbay.kernel.error.Problems;
import io.patchbay.kernel.infra.jdbc.DuplicateKeyException;
import io.patchbay.kernel.infra.jdbc.FirstVersionIsOne;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

@Singleton
class ConfigurationPersistenceAdapter implements ConfigurationStore {
    private final ConfigurationRepository repository;

    ConfigurationPersistenceAdapter(ConfigurationRepository repository) {
        this.repository = repository;
    }

    @Override
    public Optional<Configuration> find(String id) {
        return repository.findById(id).map(ConfigurationPersistenceAdapter::toDomain);
    }

    @Override
    public void insert(Configuration c) {
        if (c.version() != FirstVersionIsOne.FIRST) {
            throw new IllegalStateException("a new configuration is stored as version " + FirstVersionIsOne.FIRST + ", was " + c.version());
        }
        try {
            repository.save(toRow(c, c.version()));
        } catch (DuplicateKeyException e) {
            throw Problems.conflict("configuration " + c.id() + " already exists");
        }
    }

    @Override
    public void update(Configuration c) {
        try {
            repository.update(loadedAs(c));
        } catch (OptimisticLockException e) {
            throw Problems.conflict("configuration " + c.id() + " was changed by another request; read it again and retry");
        }
    }

    @Override
    public void updateAll(List<Configuration> configurations) {
        if (!configurations.isEmpty()) {
            repository.updateAll(configurations.stream().map(ConfigurationPersistenceAdapter::loadedAs).toList());
        }
    }

    @Override
    public void forEachLockedChunk(BulkSelection selection, int chunkSize, Consumer<List<Configuration>> chunk) {
        String last = "";
        while (true) {
            List<ConfigurationRow> rows = nextLockedChunk(selection, last, chunkSize);
            if (rows.isEmpty()) {
                return;
            }
            chunk.accept(rows.stream().map(ConfigurationPersistenceAdapter::toDomain).toList());
            if (rows.size() < chunkSize) {
                return;
            }
            last = rows.getLast().id();
        }
    }

    private List<ConfigurationRow> nextLockedChunk(BulkSelection selection, String after, int chunk) {
        return switch (selection) {
            case BulkSelection.ActiveOfTeamUser s -> repository.lockActiveOfTeamUser(s.teamId(), s.userId(), after, chunk);
            case BulkSelection.ActiveOfTeamNeedingPlanAbove s ->
                    repository.lockActiveOfTeamNeedingPlanAbove(s.teamId(), (short) s.plan().ordinal(), after, chunk);
            case BulkSelection.DisabledOfTeamAllowedBy s ->
                    repository.lockDisabledOfTeamAllowedBy(PublishedNames.NAMES.name(s.reason()), s.teamId(), (short) s.plan().ordinal(), after, chunk);
            case BulkSelection.ActiveOfApp s -> repository.lockActiveOfApp(s.integrationId(), after, chunk);
            case BulkSelection.DisabledOfApp s -> repository.lockDisabledOfApp(PublishedNames.NAMES.name(s.reason()), s.integrationId(), after, chunk);
            case BulkSelection.DeletionRequestedBefore s ->
                    repository.lockDeletionRequestedBefore(Instant.ofEpochMilli(s.requestedBefore()), after, chunk);
        };
    }

    @Override
    public ConfigurationPage list(ConfigurationListQuery q) {
        String type = PublishedNames.NAMES.name(q.installationType());
        List<ConfigurationRow> rows = q.after() == null
                ? repository.firstPage(q.ownerId(), q.personal(), type, q.integrationIdOrSlug(), q.projectView(), q.limit() + 1)
                : repository.pageAfter(q.ownerId(), q.personal(), type, q.integrationIdOrSlug(), q.projectView(),
                Instant.ofEpochMilli(q.after().createdAt()), q.after().id(), q.limit() + 1);
        List<Configuration> items = rows.stream().limit(q.limit()).map(ConfigurationPersistenceAdapter::toDomain).toList();
        if (rows.size() <= q.limit()) {
            return new ConfigurationPage(items, Optional.empty());
        }
        Configuration last = items.getLast();
        return new ConfigurationPage(items, Optional.of(new PageKey(last.createdAt(), last.id())));
    }

    /** The row as it was loaded: Micronaut Data checks that version and stores the next, the domain's {@code version}. */
    private static ConfigurationRow loadedAs(Configuration c) {
        return toRow(c, c.version() - 1);
    }

    private static ConfigurationRow toRow(Configuration c, long version) {
        Notification n = c.notification();
        return new ConfigurationRow(c.id(), c.integrationId(), c.slug(), c.ownerId(), c.teamId(), c.userId(), c.scopes(),
                PublishedNames.NAMES.name(c.projectSelection()), c.projects(), PublishedNames.NAMES.name(c.source()),
                PublishedNames.NAMES.name(c.installationType()), PublishedNames.NAMES.name(c.status()),
                c.externalId(), n == null ? null : PublishedNames.NAMES.name(n.level()), n == null ? null : n.title(), n == null ? null : n.message(),
                n == null ? null : n.href(), instant(c.createdAt()), instant(c.updatedAt()), instant(c.completedAt()),
                instant(c.disabledAt()), PublishedNames.NAMES.name(c.disabledReason()), instant(c.deleteRequestedAt()),
                instant(c.customerDeleteRequestedAt()), instant(c.deletedAt()), version, c.createdBy(), c.updatedBy());
    }

    private static Configuration toDomain(ConfigurationRow r) {
        Notification notification = r.notificationLevel() == null ? null
                : new Notification(PublishedNames.NAMES.fromStored(NotificationLevel.class, r.notificationLevel(), "configuration.notification_level"), r.notificationTitle(),
                r.notificationMessage(), r.notificationHref());
        return new Configuration(r.id(), r.integrationId(), r.slug(), r.ownerId(), r.teamId(), r.userId(), r.scopes(),
                PublishedNames.NAMES.fromStored(ProjectSelection.class, r.projectSelection(), "configuration.project_selection"), r.projects(),
                PublishedNames.NAMES.fromStored(Source.class, r.source(), "configuration.source"),
                PublishedNames.NAMES.fromStored(InstallationType.class, r.installationType(), "configuration.installation_type"),
                r.status() == null ? null : PublishedNames.NAMES.fromStored(InstallStatus.class, r.status(), "configuration.status"), r.externalId(), notification,
                r.createdAt().toEpochMilli(), r.updatedAt().toEpochMilli(), millis(r.completedAt()), millis(r.disabledAt()),
                r.disabledReason() == null ? null : PublishedNames.NAMES.fromStored(DisableReason.class, r.disabledReason(), "configuration.disabled_reason"),
                millis(r.deleteRequestedAt()), millis(r.customerDeleteRequestedAt()), millis(r.deletedAt()), r.version(), r.createdBy(),
                r.updatedBy());
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }
}
