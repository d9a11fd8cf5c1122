package io.patchbay.catalog.application;

import io.patchbay.kernel.id.ConfigurationId;
import java.util.function.Function;
import io.patchbay.catalog.application.port.in.IntegrationFilter;
import io.patchbay.catalog.application.port.in.PageAfter;
import io.patchbay.catalog.application.port.out.CatalogSource;
import io.patchbay.kernel.event.ConfigurationLinkPort;
import io.patchbay.catalog.application.port.out.ConnectorStore;
import io.patchbay.catalog.application.port.out.DiscoveryJobs;
import io.patchbay.catalog.application.port.out.IntegrationStore;
import io.patchbay.catalog.application.port.out.InventoryStore;
import io.patchbay.catalog.application.port.out.ResourceDiscoverer;
import io.patchbay.catalog.domain.CatalogParam;
import io.patchbay.catalog.domain.CatalogType;
import io.patchbay.catalog.domain.DiscoveredResource;
import io.patchbay.catalog.domain.DiscoveryResult;
import io.patchbay.catalog.domain.Integration;
import io.patchbay.catalog.domain.NameFilter;
import io.patchbay.catalog.domain.Permission;
import io.patchbay.catalog.domain.Resource;
import io.patchbay.catalog.domain.ResourceStatus;
import io.patchbay.catalog.domain.ResourceTypeSpec;
import io.patchbay.kernel.error.Problems;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * In-memory fakes of catalog-service's out-ports, for unit tests of the use cases. They keep the contracts the SQL
 * adapters keep: unique names per team (case-insensitive) → 409, one queued job per integration, leases, sweeps.
 */
final class InMemoryPorts implements IntegrationStore, DiscoveryJobs, InventoryStore, ConnectorStore, ConfigurationLinkPort, CatalogSource {
    /** A clock the tests move by hand. */
    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** A connector whose answer the test sets; it records what it was asked. */
    static final class ScriptedDiscoverer implements ResourceDiscoverer {
        private final String type;
        Function<DiscoveryRequest, DiscoveryResult> answer;
        final List<DiscoveryRequest> requests = new ArrayList<>();

        ScriptedDiscoverer(String type, Function<DiscoveryRequest, DiscoveryResult> answer) {
            this.type = type;
            this.answer = answer;
        }

        @Override
        public String type() {
            return type;
        }

        @Override
        public DiscoveryResult discover(DiscoveryRequest request) {
            requests.add(request);
            return answer.apply(request);
        }
    }

    static final CatalogType DB = new CatalogType("testdb", "Test DB", "a database", "RESOURCES",
            List.of(new CatalogParam("hostname", "Host", List.of(), "", false), new CatalogParam("port", "Port", List.of(), "5432", false),
                    new CatalogParam("sslmode", "SSL", List.of("disable", "require"), "require", true)),
            true, List.of("AWS", "GCP", "KUBERNETES", "AZURE", "HASHICORP_VAULT", "APONO"), List.of("username", "password"),
            List.of(new ResourceTypeSpec("testdb-schema", "Schema", List.of("USAGE")), new ResourceTypeSpec("testdb-table", "Table",
                    List.of("SELECT", "INSERT"))));
    static final CatalogType QUEUE = new CatalogType("testq", "Test queue", "a queue", "RESOURCES",
            List.of(new CatalogParam("servers", "Servers", List.of(), "", false)), false, List.of("APONO", "AWS"), List.of("username", "password"),
            List.of(new ResourceTypeSpec("testq-topic", "Topic", List.of("READ"))));
    /** In the catalog data but without a connector: must not be listed. */
    static final CatalogType ORPHAN = new CatalogType("orphan", "Orphan", "", "RESOURCES", List.of(), false, List.of(), List.of(), List.of());

    // ---- state
    final Map<String, Integration> integrations = new TreeMap<>();
    final List<Job> jobs = new ArrayList<>();
    final Map<String, StoredResource> resources = new LinkedHashMap<>();
    final Map<String, List<Permission>> permissions = new HashMap<>();
    final Map<String, Map<String, String>> tags = new HashMap<>();
    final Map<String, Map<String, String>> connectors = new HashMap<>();
    final Map<String, LinkState> links = new HashMap<>();
    private long jobIds;
    private int resourceIds;

    static final class Job {
        final long id;
        final String integrationId;
        long revision;
        String state = "queued";
        int attempts;
        String leaseOwner;
        Instant leaseUntil;
        String outcome;

        Job(long id, String integrationId, long revision) {
            this.id = id;
            this.integrationId = integrationId;
            this.revision = revision;
        }
    }

    record StoredResource(String id, String integrationId, String key, String name, String type, ResourceStatus status, String message,
                          long seenJob) {
    }

    List<Job> jobsOf(String integrationId) {
        return jobs.stream().filter(j -> j.integrationId.equals(integrationId)).toList();
    }

    // ---- CatalogSource
    @Override
    public List<CatalogType> types() {
        return List.of(QUEUE, DB, ORPHAN);
    }

    // ---- IntegrationStore
    @Override
    public void insert(Integration integration) {
        checkName(integration);
        integrations.put(integration.id(), copy(integration));
    }

    @Override
    public void update(Integration integration) {
        checkName(integration);
        integrations.put(integration.id(), copy(integration));
    }

    private void checkName(Integration i) {
        boolean taken = integrations.values().stream().anyMatch(o -> !o.id().equals(i.id()) && o.teamId().equals(i.teamId())
                && o.name().equalsIgnoreCase(i.name()));
        if (taken) {
            throw Problems.conflict("an integration named '" + i.name() + "' already exists");
        }
    }

    @Override
    public void delete(String id) {
        integrations.remove(id);
        jobs.removeIf(j -> j.integrationId.equals(id));
        resources.values().removeIf(r -> r.integrationId().equals(id));
        permissions.remove(id);
    }

    @Override
    public Optional<Integration> find(String id) {
        return Optional.ofNullable(integrations.get(id)).map(InMemoryPorts::copy);
    }

    /** What a database gives: a copy, so a use case never sees another one's unsaved changes. */
    static Integration copy(Integration i) {
        return new Integration(i.id(), i.teamId(), i.name(), i.type(), i.category(), i.connectorId(), i.status(), i.statusBeforeDisable(),
                i.details(), i.lastSyncTime(), i.config(), i.secretStore(), i.connectedResourceTypes(), i.customAccessDetails(), i.owner(),
                i.ownersMapping(), i.configurationId(), i.revision(), i.createdAt(), i.updatedAt(), i.createdBy(), i.updatedBy());
    }

    @Override
    public Optional<Integration> findForUpdate(String id) {
        return find(id);
    }

    @Override
    public List<Integration> list(String teamId, IntegrationFilter filter, int limit, PageAfter after) {
        Comparator<Integration> order = Comparator.comparing((Integration i) -> i.name().toLowerCase(Locale.ROOT)).thenComparing(Integration::id);
        return integrations.values().stream().filter(i -> i.teamId().equals(teamId))
                .filter(i -> filter.name() == null || NameFilter.matches(filter.name(), i.name()))
                .filter(i -> filter.types().isEmpty() || filter.types().stream().anyMatch(t -> NameFilter.matches(t, i.type())))
                .filter(i -> filter.categories().isEmpty() || filter.categories().stream().anyMatch(c -> c.equalsIgnoreCase(i.category())))
                .filter(i -> filter.connectorIds().isEmpty() || filter.connectorIds().contains(i.connectorId()))
                .filter(i -> filter.statuses().isEmpty() || filter.statuses().contains(i.status()))
                .filter(i -> after == null || i.name().toLowerCase(Locale.ROOT).compareTo(after.nameLower()) > 0
                        || i.name().toLowerCase(Locale.ROOT).equals(after.nameLower()) && i.id().compareTo(after.id()) > 0)
                .sorted(order).limit(limit + 1L).map(InMemoryPorts::copy).toList();
    }

    @Override
    public List<Integration> listByOffset(String teamId, int limit, int offset) {
        return list(teamId, IntegrationFilter.none(), Integer.MAX_VALUE - 1, null).stream().skip(offset).limit(limit).toList();
    }

    @Override
    public long count(String teamId) {
        return integrations.values().stream().filter(i -> i.teamId().equals(teamId)).count();
    }

    @Override
    public List<Integration> lockByConfigurations(java.util.Collection<String> configurationIds) {
        return integrations.values().stream().filter(i -> configurationIds.contains(i.configurationId()))
                .sorted(java.util.Comparator.comparing(Integration::configurationId).thenComparing(Integration::id)).map(InMemoryPorts::copy).toList();
    }

    @Override
    public void updateLifecycle(java.util.Collection<Integration> changed) {
        changed.forEach(this::update);
    }

    @Override
    public void deleteAll(java.util.Collection<String> ids) {
        ids.forEach(this::delete);
    }

    @Override
    public Optional<Integration> findByIdOrName(String teamId, String reference) {
        return integrations.values().stream().filter(i -> i.teamId().equals(teamId) && (i.id().equals(reference)
                || i.name().equalsIgnoreCase(reference))).findFirst();
    }

    @Override
    public boolean anyUsesConnector(String teamId, String connectorId) {
        return integrations.values().stream().anyMatch(i -> i.teamId().equals(teamId) && i.connectorId().equals(connectorId));
    }

    // ---- DiscoveryJobs
    @Override
    public void enqueue(String integrationId, long revision, Instant now) {
        for (Job j : jobs) {
            if (j.integrationId.equals(integrationId) && j.state.equals("queued")) {
                j.revision = revision;
                return;
            }
        }
        jobs.add(new Job(++jobIds, integrationId, revision));
    }

    @Override
    public void enqueueAll(Map<String, Long> revisions, Instant now) {
        revisions.forEach((id, revision) -> enqueue(id, revision, now));
    }

    @Override
    public Optional<ClaimedJob> claim(String workerId, Instant now, Instant leaseUntil) {
        for (Job j : jobs) {
            if (j.state.equals("queued") || j.state.equals("running") && j.leaseUntil.isBefore(now)) {
                j.state = "running";
                j.leaseOwner = workerId;
                j.leaseUntil = leaseUntil;
                j.attempts++;
                return Optional.of(new ClaimedJob(j.id, j.integrationId, j.revision, j.attempts));
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean finish(long jobId, String workerId, String state, String outcome, Instant now) {
        for (Job j : jobs) {
            if (j.id == jobId && j.state.equals("running") && workerId.equals(j.leaseOwner)) {
                j.state = state;
                j.outcome = outcome;
                j.leaseUntil = null;
                return true;
            }
        }
        return false;
    }

    // ---- InventoryStore
    @Override
    public void applyDiscovery(String integrationId, long jobId, DiscoveryResult result, Set<String> sweep, Instant now) {
        for (DiscoveredResource d : result.resources()) {
            String existing = resources.values().stream().filter(r -> r.integrationId().equals(integrationId) && r.key().equals(d.key()))
                    .map(StoredResource::id).findFirst().orElse(null);
            String id = existing != null ? existing : "res_" + String.format("%024d", ++resourceIds);
            resources.put(id, new StoredResource(id, integrationId, d.key(), d.name(), d.type(), ResourceStatus.ACTIVE, null, jobId));
        }
        resources.replaceAll((id, r) -> r.integrationId().equals(integrationId) && sweep.contains(r.type()) && r.seenJob() != jobId
                && r.status() != ResourceStatus.DELETED
                ? new StoredResource(id, integrationId, r.key(), r.name(), r.type(), ResourceStatus.DELETED, "no longer found", r.seenJob()) : r);
        permissions.put(integrationId, List.copyOf(result.permissions()));
    }

    private List<Resource> resourcesOf(String integrationId, String type) {
        return resources.values().stream().filter(r -> r.integrationId().equals(integrationId) && (type == null || r.type().equals(type)))
                .map(r -> new Resource(r.id(), r.integrationId(), r.name(), r.type(), r.status(), r.message())).toList();
    }

    @Override
    public List<Resource> resources(String integrationId, String resourceType, int limit, int offset) {
        return resourcesOf(integrationId, resourceType).stream().skip(offset).limit(limit).toList();
    }

    @Override
    public long countResources(String integrationId, String resourceType) {
        return resourcesOf(integrationId, resourceType).size();
    }

    private List<Permission> permissionsOf(String integrationId, String type) {
        return permissions.getOrDefault(integrationId, List.of()).stream().filter(p -> type == null || p.resourceType().equals(type)).toList();
    }

    @Override
    public List<Permission> permissions(String integrationId, String resourceType, int limit, int offset) {
        return permissionsOf(integrationId, resourceType).stream().skip(offset).limit(limit).toList();
    }

    @Override
    public long countPermissions(String integrationId, String resourceType) {
        return permissionsOf(integrationId, resourceType).size();
    }

    @Override
    public Optional<Resource> resource(String resourceId) {
        return Optional.ofNullable(resources.get(resourceId)).map(r -> new Resource(r.id(), r.integrationId(), r.name(), r.type(), r.status(),
                r.message()));
    }

    @Override
    public Map<String, String> tags(String resourceId) {
        return tags.getOrDefault(resourceId, Map.of());
    }

    @Override
    public void replaceTags(String resourceId, Map<String, String> newTags, String by, Instant now) {
        tags.put(resourceId, Map.copyOf(newTags));
    }

    // ---- ConnectorStore
    @Override
    public List<ConnectorRecord> list(String teamId) {
        return connectors.getOrDefault(teamId, Map.of()).entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new ConnectorRecord(e.getKey(), e.getValue())).toList();
    }

    @Override
    public Optional<ConnectorRecord> find(String teamId, String id) {
        return Optional.ofNullable(connectors.getOrDefault(teamId, Map.of()).get(id)).map(name -> new ConnectorRecord(id, name));
    }

    @Override
    public void upsert(String teamId, String id, String name, String by, Instant now) {
        connectors.computeIfAbsent(teamId, t -> new HashMap<>()).put(id, name);
    }

    @Override
    public void delete(String teamId, String id) {
        connectors.getOrDefault(teamId, new HashMap<>()).remove(id);
    }

    // ---- ConfigurationLinkPort
    /** What config-service answers for a configuration the caller may see (the in-memory ports keep no projection). */
    enum LinkState { ACTIVE, DISABLED }

    @Override
    public <T> T link(ConfigurationId configurationId, String field, Function<Optional<String>, T> write) {
        LinkState state = links.get(configurationId.value());
        if (state == null) {
            throw Problems.unprocessable(field, "configuration " + configurationId + " not found");
        }
        return write.apply(state == LinkState.DISABLED ? Optional.of("disabled") : Optional.empty());
    }
}
