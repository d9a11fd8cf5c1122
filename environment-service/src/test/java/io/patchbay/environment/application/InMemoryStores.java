package io.patchbay.environment.application;

import io.patchbay.kernel.id.ConfigurationId;
import java.util.function.Function;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.patchbay.environment.application.port.out.ConfigSizer;
import io.patchbay.kernel.event.ConfigurationLinkPort;
import io.patchbay.environment.application.port.out.EnvironmentIntegrationStore;
import io.patchbay.environment.application.port.out.EnvironmentStore;
import io.patchbay.environment.application.port.out.IntegrationStore;
import io.patchbay.environment.application.port.out.IntegrationStore.InstalledIn;
import io.patchbay.environment.application.port.out.Page;
import io.patchbay.environment.application.port.out.PageKey;
import io.patchbay.environment.application.port.out.TeamStore;
import io.patchbay.environment.application.port.out.Visibility;
import io.patchbay.environment.domain.Environment;
import io.patchbay.environment.domain.EnvironmentIntegration;
import io.patchbay.environment.domain.Integration;
import io.patchbay.environment.domain.TeamProfile;
import io.patchbay.kernel.error.Problems;
import io.patchbay.kernel.secret.SecretBox;

import io.patchbay.kernel.audit.AuditRecord;
import io.patchbay.kernel.audit.AuditTrail;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** In-memory out-ports for the use-case tests (no paging needed there: lists return everything). */
final class InMemoryStores {
    final Map<String, TeamProfile> teams = new HashMap<>();
    final Map<UUID, Environment> environments = new LinkedHashMap<>();
    final Map<UUID, Integration> integrations = new LinkedHashMap<>();
    final Map<UUID, EnvironmentIntegration> installs = new LinkedHashMap<>();
    final Map<String, Optional<String>> configurations = new HashMap<>();
    final Map<String, ProjectedState> projections = new HashMap<>();
    final List<String> lockedConfigurations = new ArrayList<>();
    int linkCalls;

    final TeamStore teamStore = new TeamStore() {
        public Optional<TeamProfile> find(String id) {
            return Optional.ofNullable(teams.get(id));
        }

        public List<TeamProfile> findAll(Collection<String> ids) {
            return ids.stream().map(teams::get).filter(t -> t != null).toList();
        }

        public void save(TeamProfile p) {
            TeamProfile current = teams.get(p.id());
            if (current == null ? p.version() != 1 : current.version() != p.version() - 1) {
                throw Problems.conflict("changed by another request");
            }
            teams.put(p.id(), p);
        }

        public void ensure(TeamProfile blank) {
            teams.putIfAbsent(blank.id(), new TeamProfile(blank.id(), null, null, null, false, false, null, false, 1, blank.createdAt(),
                    blank.updatedAt(), blank.createdBy(), blank.updatedBy()));
        }
    };

    final EnvironmentStore environmentStore = new EnvironmentStore() {
        public Optional<Environment> find(UUID id) {
            return Optional.ofNullable(environments.get(id));
        }

        public Map<UUID, String> teamsOf(java.util.Collection<UUID> ids) {
            Map<UUID, String> teams = new HashMap<>();
            ids.stream().filter(environments::containsKey).forEach(id -> teams.put(id, environments.get(id).teamId()));
            return teams;
        }

        public void insert(Environment e) {
            if (environments.values().stream().anyMatch(x -> x.teamId().equals(e.teamId()) && x.name().equals(e.name()))) {
                throw Problems.conflict("duplicate");
            }
            environments.put(e.id(), e);
        }

        public void update(Environment e) {
            Environment current = environments.get(e.id());
            if (current == null || current.version() != e.version() - 1) {
                throw Problems.conflict("changed by another request");
            }
            environments.put(e.id(), e);
        }

        public boolean deleteIfEmpty(UUID id) {
            if (installs.values().stream().anyMatch(i -> i.environmentId().equals(id))) {
                return false;
            }
            return environments.remove(id) != null;
        }

        public Page<Environment> list(Visibility v, String teamId, String name, int limit, PageKey after) {
            return new Page<>(new ArrayList<>(environments.values()), Optional.empty());
        }
    };

    final IntegrationStore integrationStore = new IntegrationStore() {
        public Optional<Integration> find(UUID id) {
            return Optional.ofNullable(integrations.get(id));
        }

        public List<Integration> findAll(Collection<UUID> ids) {
            return ids.stream().map(integrations::get).filter(i -> i != null).toList();
        }

        public void insert(Integration i) {
            integrations.put(i.id(), i);
        }

        public void update(Integration i) {
            integrations.put(i.id(), i);
        }

        public boolean deleteIfNotInstalled(UUID id) {
            if (installs.values().stream().anyMatch(i -> i.integrationId().equals(id))) {
                return false;
            }
            return integrations.remove(id) != null;
        }

        public Map<UUID, List<InstalledIn>> installedEnvironments(Collection<UUID> ids) {
            Map<UUID, List<InstalledIn>> out = new HashMap<>();
            installs.values().stream().filter(i -> ids.contains(i.integrationId()))
                    .forEach(i -> out.computeIfAbsent(i.integrationId(), k -> new ArrayList<>())
                            .add(new InstalledIn(i.environmentId(), environments.get(i.environmentId()).teamId())));
            return out;
        }

        public Page<Integration> list(Visibility v, IntegrationFilter f, int limit, PageKey after) {
            return new Page<>(new ArrayList<>(integrations.values()), Optional.empty());
        }
    };

    final EnvironmentIntegrationStore installStore = new EnvironmentIntegrationStore() {
        public Optional<EnvironmentIntegration> find(UUID id) {
            return Optional.ofNullable(installs.get(id));
        }

        public void insert(EnvironmentIntegration i) {
            if (installs.values().stream().anyMatch(x -> x.integrationId().equals(i.integrationId()) && x.environmentId().equals(i.environmentId()))) {
                throw Problems.conflict("already installed");
            }
            installs.put(i.id(), i);
        }

        public void update(EnvironmentIntegration i) {
            EnvironmentIntegration current = installs.get(i.id());
            if (current == null || current.version() != i.version() - 1) {
                throw Problems.conflict("changed by another request");
            }
            installs.put(i.id(), i);
        }

        public void delete(UUID id) {
            installs.remove(id);
        }

        public List<EnvironmentIntegration> lockByConfigurations(java.util.Collection<String> configurationIds) {
            return installs.values().stream().filter(i -> configurationIds.contains(i.configurationId()))
                    .sorted(java.util.Comparator.comparing(EnvironmentIntegration::configurationId).thenComparing(EnvironmentIntegration::id))
                    .toList();
        }

        public void updateLifecycle(java.util.Collection<LifecycleChange> changes) {
            for (LifecycleChange change : changes) {
                EnvironmentIntegration current = installs.get(change.install().id());
                if (current == null || current.version() != change.readVersion()) {
                    throw Problems.conflict("changed by another request");
                }
            }
            changes.forEach(c -> installs.put(c.install().id(), c.install()));
        }

        public void deleteAll(java.util.Collection<UUID> ids) {
            ids.forEach(installs::remove);
        }

        public Page<EnvironmentIntegration> list(Visibility v, InstallFilter f, int limit, PageKey after) {
            return new Page<>(new ArrayList<>(installs.values()), Optional.empty());
        }
    };

    /** What the lifecycle events said of a configuration (the kernel's projection). */
    enum State { ACTIVE, DISABLED, DELETED }

    record ProjectedState(State state, String reason) {
    }

    /**
     * The kernel's link in memory: deleted by event → 422 without asking; config-service's answer (configurations: id →
     * disable reason, empty when active; others 422); then, "under the lock" (recorded), the events decide once present.
     */
    final ConfigurationLinkPort links = new ConfigurationLinkPort() {
        @Override
        public <T> T link(ConfigurationId id, String field, Function<Optional<String>, T> write) {
            ProjectedState projected = projections.get(id.value());
            if (projected != null && projected.state() == State.DELETED) {
                throw Problems.unprocessable(field, "configuration " + id + " was deleted");
            }
            linkCalls++;
            Optional<String> reason = configurations.get(id.value());
            if (reason == null) {
                throw Problems.unprocessable(field, "configuration " + id + " does not exist or is not visible to you");
            }
            lockedConfigurations.add(id.value());
            if (projected != null) {
                return write.apply(projected.state() == State.DISABLED ? Optional.of(projected.reason() == null ? "disabled" : projected.reason())
                        : Optional.empty());
            }
            return write.apply(reason);
        }
    };

    /** The use cases wired to these stores. */
    record UseCases(IntegrationService integrations, EnvironmentService environments, EnvironmentIntegrationService installs,
                    LifecycleService lifecycle) {
    }

    /** The audit entries the use cases recorded, in order. */
    final List<AuditRecord> audited = new ArrayList<>();
    final AuditTrail audit = audited::addAll;

    UseCases useCases(Clock clock, SecretBox box) {
        Views views = new Views(integrationStore, teamStore);
        return new UseCases(new IntegrationService(integrationStore, teamStore, views, box, sizes, audit, clock),
                new EnvironmentService(environmentStore, audit, clock),
                new EnvironmentIntegrationService(installStore, environmentStore, integrationStore, links,
                        new InstallWriter(installStore, audit), views, box, sizes, audit, clock),
                new LifecycleService(installStore, environmentStore, audit, clock));
    }

    /** Sizes as Jackson writes the tree (the service writes it with Micronaut's mapper: the same compact JSON). */
    final ConfigSizer sizes = config -> {
        try {
            return new ObjectMapper().writeValueAsBytes(config).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    };
}
