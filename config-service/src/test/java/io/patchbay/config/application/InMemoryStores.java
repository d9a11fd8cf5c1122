package io.patchbay.config.application;

import io.patchbay.config.application.port.out.AppStore;
import io.patchbay.config.application.port.out.BulkSelection;
import io.patchbay.config.application.port.out.ConfigurationListQuery;
import io.patchbay.config.application.port.out.ConfigurationPage;
import io.patchbay.config.application.port.out.ConfigurationStore;
import io.patchbay.config.application.port.out.LifecycleEventPublisher;
import io.patchbay.config.application.port.out.MembershipStore;
import io.patchbay.config.application.port.out.PageKey;
import io.patchbay.config.domain.App;
import io.patchbay.config.domain.Configuration;
import io.patchbay.config.domain.Member;
import io.patchbay.config.domain.Team;
import io.patchbay.kernel.audit.AuditRecord;
import io.patchbay.kernel.audit.AuditTrail;
import io.patchbay.kernel.error.Problems;
import io.patchbay.kernel.event.ConfigurationLifecycleEvent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** In-memory fakes of config-service's out-ports, for unit tests of the use cases. */
final class InMemoryStores implements ConfigurationStore, AppStore, MembershipStore, LifecycleEventPublisher, AuditTrail {
    final Map<String, Configuration> configurations = new TreeMap<>();
    final Map<String, Long> savedVersions = new LinkedHashMap<>();
    final Map<String, App> apps = new LinkedHashMap<>();
    final Map<String, Team> teams = new LinkedHashMap<>();
    final Map<String, Member> members = new LinkedHashMap<>();
    final List<ConfigurationLifecycleEvent> published = new ArrayList<>();
    final List<AuditRecord> audited = new ArrayList<>();

    // ---- configurations
    @Override
    public Optional<Configuration> find(String id) {
        return Optional.ofNullable(configurations.get(id));
    }

    @Override
    public void insert(Configuration c) {
        configurations.put(c.id(), c);
        savedVersions.put(c.id(), c.version());
    }

    @Override
    public void update(Configuration c) {
        if (savedVersions.get(c.id()) != c.version() - 1) {
            throw Problems.conflict("stale");
        }
        savedVersions.put(c.id(), c.version());
    }

    @Override
    public void updateAll(List<Configuration> cs) {
        cs.forEach(this::update);
    }

    @Override
    public void forEachLockedChunk(BulkSelection selection, int chunkSize, Consumer<List<Configuration>> chunk) {
        List<Configuration> matching = configurations.values().stream().filter(c -> !c.isDeleted()).filter(matcher(selection)).toList();
        for (int i = 0; i < matching.size(); i += chunkSize) {
            chunk.accept(matching.subList(i, Math.min(matching.size(), i + chunkSize)));
        }
    }

    private Predicate<Configuration> matcher(BulkSelection selection) {
        return switch (selection) {
            case BulkSelection.ActiveOfTeamUser s -> c -> !c.isDisabled() && s.teamId().equals(c.teamId()) && s.userId().equals(c.userId());
            case BulkSelection.ActiveOfTeamNeedingPlanAbove s -> c -> !c.isDisabled() && s.teamId().equals(c.teamId())
                    && s.plan().isBelow(apps.get(c.integrationId()).requiredPlan());
            case BulkSelection.DisabledOfTeamAllowedBy s -> c -> s.reason() == c.disabledReason() && s.teamId().equals(c.teamId())
                    && !s.plan().isBelow(apps.get(c.integrationId()).requiredPlan());
            case BulkSelection.ActiveOfApp s -> c -> !c.isDisabled() && s.integrationId().equals(c.integrationId());
            case BulkSelection.DisabledOfApp s -> c -> s.reason() == c.disabledReason() && s.integrationId().equals(c.integrationId());
            case BulkSelection.DeletionRequestedBefore s -> c -> c.deleteRequestedAt() != null && c.deleteRequestedAt() <= s.requestedBefore();
        };
    }

    @Override
    public ConfigurationPage list(ConfigurationListQuery q) {
        List<Configuration> all = configurations.values().stream()
                .filter(c -> !c.isDeleted() && c.ownerId().equals(q.ownerId()) && (q.personal() == (c.teamId() == null)))
                .filter(c -> q.installationType() == null || c.installationType() == q.installationType())
                .filter(c -> q.integrationIdOrSlug() == null || q.integrationIdOrSlug().equals(c.integrationId())
                        || q.integrationIdOrSlug().equals(c.slug()))
                .sorted(Comparator.comparingLong(Configuration::createdAt).thenComparing(Configuration::id).reversed())
                .filter(c -> q.after() == null || c.createdAt() < q.after().createdAt()
                        || (c.createdAt() == q.after().createdAt() && c.id().compareTo(q.after().id()) < 0))
                .toList();
        List<Configuration> page = all.subList(0, Math.min(q.limit(), all.size()));
        Optional<PageKey> next = all.size() > q.limit() ? Optional.of(new PageKey(page.getLast().createdAt(), page.getLast().id()))
                : Optional.empty();
        return new ConfigurationPage(page, next);
    }

    // ---- apps
    @Override
    public Optional<App> findByIdOrSlug(String idOrSlug) {
        return apps.values().stream().filter(a -> a.id().equals(idOrSlug) || a.slug().equals(idOrSlug)).findFirst();
    }

    @Override
    public List<App> findByIds(Collection<String> ids) {
        return ids.stream().map(apps::get).filter(a -> a != null).toList();
    }

    @Override
    public List<App> list() {
        return List.copyOf(apps.values());
    }

    @Override
    public void insert(App app, String actor) {
        if (findByIdOrSlug(app.slug()).isPresent()) {
            throw Problems.conflict("slug taken");
        }
        apps.put(app.id(), app);
    }

    @Override
    public void update(App previous, App updated, String actor) {
        apps.put(updated.id(), updated);
    }

    final Map<String, String> clientSecrets = new java.util.HashMap<>();

    @Override
    public void saveClientSecret(String appId, String clientSecret) {
        clientSecrets.put(appId, clientSecret);
    }

    @Override
    public Optional<String> clientSecret(String appId) {
        return Optional.ofNullable(clientSecrets.get(appId));
    }

    // ---- memberships
    @Override
    public Optional<Team> findTeam(String teamId) {
        return Optional.ofNullable(teams.get(teamId));
    }

    @Override
    public Optional<Team> findTeamBySlug(String slug) {
        return teams.values().stream().filter(t -> slug.equals(t.slug())).findFirst();
    }

    @Override
    public Optional<Team> saveTeam(Team team, String actor) {
        return Optional.ofNullable(teams.put(team.id(), team));
    }

    @Override
    public Optional<Member> findMember(String teamId, String userId) {
        return Optional.ofNullable(members.get(teamId + "/" + userId));
    }

    @Override
    public Optional<Member> saveMember(Member member, String actor) {
        return Optional.ofNullable(members.put(member.teamId() + "/" + member.userId(), member));
    }

    @Override
    public Optional<Member> removeMember(String teamId, String userId) {
        return Optional.ofNullable(members.remove(teamId + "/" + userId));
    }

    // ---- publisher
    @Override
    public void publish(List<ConfigurationLifecycleEvent> events) {
        published.addAll(events);
    }

    @Override
    public void recordAll(Collection<AuditRecord> records) {
        audited.addAll(records);
    }
}
