package io.patchbay.config.application;

import io.patchbay.config.application.port.in.ChangeAccessCommand;
import io.patchbay.config.application.port.in.ConfigurationListing;
import io.patchbay.config.application.port.in.ConfigurationsUseCase;
import io.patchbay.config.application.port.in.InstallCommand;
import io.patchbay.config.application.port.in.ListConfigurationsQuery;
import io.patchbay.config.application.port.in.TeamSelector;
import io.patchbay.config.application.port.in.TransferCommand;
import io.patchbay.config.application.port.out.AppStore;
import io.patchbay.config.application.port.out.ConfigurationListQuery;
import io.patchbay.config.application.port.out.ConfigurationPage;
import io.patchbay.config.application.port.out.ConfigurationStore;
import io.patchbay.config.application.port.out.LifecycleEventPublisher;
import io.patchbay.config.application.port.out.MembershipStore;
import io.patchbay.config.domain.App;
import io.patchbay.config.domain.Configuration;
import io.patchbay.config.domain.ConfigurationAccess;
import io.patchbay.config.domain.DisableReason;
import io.patchbay.config.domain.Plan;
import io.patchbay.config.domain.ProjectSelection;
import io.patchbay.config.domain.Scopes;
import io.patchbay.config.domain.Source;
import io.patchbay.config.domain.Team;
import io.patchbay.config.domain.WebhookEvent;
import io.patchbay.kernel.audit.AuditTrail;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.error.DomainException;
import io.patchbay.kernel.error.Problems;
import io.patchbay.kernel.event.ConfigurationLifecycleEvent;
import io.patchbay.kernel.id.Ids;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

@Singleton
public class ConfigurationService implements ConfigurationsUseCase {
    private static final Pattern PROJECT_ID = Pattern.compile("prj_[0-9A-Za-z]{1,64}");
    private static final int MAX_PROJECTS = 1000;

    private final ConfigurationStore store;
    private final AppStore apps;
    private final MembershipStore memberships;
    private final LifecycleEventPublisher publisher;
    private final TeamResolver teams;
    private final WebhookNotifier webhooks;
    private final AuditTrail audit;
    private final Clock clock;

    public ConfigurationService(ConfigurationStore store, AppStore apps, MembershipStore memberships, LifecycleEventPublisher publisher,
                                TeamResolver teams, WebhookNotifier webhooks, AuditTrail audit, Clock clock) {
        this.store = store;
        this.apps = apps;
        this.memberships = memberships;
        this.publisher = publisher;
        this.teams = teams;
        this.webhooks = webhooks;
        this.audit = audit;
        this.clock = clock;
    }

    /** One primary-key read (two with a team slug): no transaction to begin and commit around it. */
    @Override
    public Configuration get(Caller caller, TeamSelector team, String id) {
        return visible(caller, team, id);
    }

    @Override
    @Transactional
    public ConfigurationListing list(ListConfigurationsQuery query) {
        Optional<String> acting = teams.acting(query.caller(), query.team());
        if (query.matchesNothing()) {
            return new ConfigurationListing(List.of(), Map.of(), Optional.empty());
        }
        String owner = acting.orElse(query.caller().userId());
        ConfigurationPage page = store.list(new ConfigurationListQuery(owner, acting.isEmpty(), query.installationType(),
                query.integrationIdOrSlug(), query.projectView(), query.limit(), query.after()));
        Map<String, App> byId = query.projectView()
                ? apps.findByIds(page.items().stream().map(Configuration::integrationId).distinct().toList()).stream()
                        .collect(Collectors.toMap(App::id, Function.identity()))
                : Map.of();
        return new ConfigurationListing(page.items(), byId, page.next());
    }

    @Override
    @Transactional
    public Configuration install(InstallCommand command) {
        Caller caller = command.caller();
        App app = apps.findByIdOrSlug(command.integrationIdOrSlug())
                .orElseThrow(() -> Problems.unprocessable("integrationIdOrSlug", "no app '" + command.integrationIdOrSlug() + "'"));
        if (!app.available()) {
            throw Problems.unprocessable("integrationIdOrSlug", "app '" + app.slug() + "' is not available");
        }
        Optional<String> team = teams.acting(caller, command.team());
        if (team.isPresent()) {
            if (!caller.managesTeam(team.get()) && !caller.isAdmin()) {
                throw new DomainException.NotPermitted("only team owners, members and developers may install for team " + team.get());
            }
            requirePlan(team.get(), app, "teamId");
        }
        List<String> scopes = command.scopes() == null ? app.scopes() : allowedScopes(app, command.scopes());
        ProjectSelection selection = command.selection() == null ? ProjectSelection.ALL : command.selection();
        List<String> projects = projects(selection, command.projects());
        Source source = command.source() == null ? Source.EXTERNAL : command.source();
        Configuration configuration = Configuration.install(Ids.prefixed(Configuration.ID_PREFIX, 24), app, team.orElse(null),
                caller.userId(), scopes, selection, projects, source, clock.millis());
        store.insert(configuration);
        audit.record(ConfigurationAudit.configuration("created", Map.of(), configuration));
        return configuration;
    }

    @Override
    @Transactional
    public Configuration changeAccess(ChangeAccessCommand command) {
        Configuration c = manageable(command.caller(), command.team(), command.id());
        App app = apps.findByIdOrSlug(c.integrationId()).orElseThrow(() -> new DomainException.NotFound("app " + c.integrationId()));
        List<String> scopes = command.scopes() == null ? c.scopes() : allowedScopes(app, command.scopes());
        ProjectSelection selection = command.selection() == null ? c.projectSelection() : command.selection();
        List<String> requested = command.projectsGiven() ? command.projects()
                : selection == ProjectSelection.SELECTED ? c.projects() : null;
        List<String> projects = projects(selection, requested);
        List<String> scopesBefore = c.scopes();
        Map<String, Object> before = ConfigurationAudit.fields(c);
        c.changeAccess(scopes, selection, projects, command.caller().userId(), clock.millis());
        store.update(c);
        webhooks.notify(scopeChanges(c, scopesBefore));
        audit.record(ConfigurationAudit.configuration("updated", before, c));
        return c;
    }

    @Override
    @Transactional
    public Configuration disable(Caller caller, TeamSelector team, String id, DisableReason named) {
        Configuration c = visible(caller, team, id);
        boolean manages = ConfigurationAccess.canManage(caller, c);
        DisableReason reason = named != null ? named
                : caller.isAdmin() && !ConfigurationAccess.isOwnerOrTeamManager(caller, c) ? DisableReason.DISABLED_BY_ADMIN
                : DisableReason.DISABLED_BY_OWNER;
        switch (reason) {
            case DISABLED_BY_ADMIN -> {
                if (!caller.isAdmin()) {
                    throw new DomainException.NotPermitted("only platform admins may disable with disabled-by-admin");
                }
            }
            case DISABLED_BY_OWNER -> {
                if (!manages) {
                    throw new DomainException.NotPermitted("only the owner or a team manager may disable this configuration");
                }
            }
            default -> throw new DomainException.InvalidValue("reason", "'" + PublishedNames.NAMES.name(reason) + "' is set only by automatic triggers; use "
                    + PublishedNames.NAMES.name(DisableReason.DISABLED_BY_OWNER) + " or " + PublishedNames.NAMES.name(DisableReason.DISABLED_BY_ADMIN));
        }
        c.requireNotDeletionRequested();
        Map<String, Object> before = ConfigurationAudit.fields(c);
        c.disable(reason, caller.userId(), clock.millis()).ifPresent(e -> save(c, e, "disabled", before));
        return c;
    }

    @Override
    @Transactional
    public Configuration enable(Caller caller, TeamSelector team, String id) {
        Configuration c = visible(caller, team, id);
        if (!ConfigurationAccess.canManage(caller, c)) {
            throw new DomainException.NotPermitted("only the owner or a team manager may enable this configuration");
        }
        c.requireNotDeletionRequested();
        if (c.isDisabled() && !c.disabledReason().isMembershipReason()
                && c.disabledReason() != DisableReason.DISABLED_BY_OWNER && !caller.isAdmin()) {
            throw new DomainException.NotPermitted("a configuration disabled for " + PublishedNames.NAMES.name(c.disabledReason())
                    + " may be enabled only by a platform admin");
        }
        Map<String, Object> before = ConfigurationAudit.fields(c);
        c.enable(caller.userId(), clock.millis()).ifPresent(e -> save(c, e, "enabled", before));
        return c;
    }

    @Override
    @Transactional
    public Configuration transfer(TransferCommand command) {
        Caller caller = command.caller();
        Configuration c = visible(caller, command.team(), command.id());
        boolean allowed = caller.isAdmin() || (c.isTeamInstall() && caller.managesTeam(c.teamId()));
        if (!allowed) {
            throw new DomainException.NotPermitted("only a manager of the owning team or a platform admin may transfer a configuration");
        }
        String targetTeam = command.toTeamId() != null ? command.toTeamId() : c.teamId();
        if (command.toTeamId() != null && !caller.isAdmin() && !caller.managesTeam(command.toTeamId())) {
            throw new DomainException.NotPermitted("you must manage team " + command.toTeamId() + " to move a configuration into it");
        }
        if (targetTeam != null) {
            boolean managerMember = memberships.findMember(targetTeam, command.toUserId())
                    .map(m -> m.role().isManager()).orElse(false);
            if (!managerMember) {
                throw Problems.unprocessable("userId", "user " + command.toUserId() + " is not an owner, member or developer of team "
                        + targetTeam);
            }
            if (!targetTeam.equals(c.teamId())) {
                App app = apps.findByIdOrSlug(c.integrationId()).orElseThrow(() -> new DomainException.NotFound("app " + c.integrationId()));
                requirePlan(targetTeam, app, "teamId");
            }
        }
        Map<String, Object> before = ConfigurationAudit.fields(c);
        save(c, c.transfer(command.toUserId(), targetTeam, caller.userId(), clock.millis()), "transferred", before);
        return c;
    }

    @Override
    @Transactional
    public void delete(Caller caller, TeamSelector team, String id) {
        Configuration c = reachable(caller, team, id).orElseThrow(() -> new DomainException.NotFound("configuration " + id));
        if (!ConfigurationAccess.canManage(caller, c)) {
            throw new DomainException.NotPermitted("only the owner or a team manager may delete this configuration");
        }
        long version = c.version();
        Map<String, Object> before = ConfigurationAudit.fields(c);
        Optional<ConfigurationLifecycleEvent> event = c.requestDeletion(caller.userId(), clock.millis());
        if (event.isPresent()) {
            save(c, event.get(), "deleted", before);
        } else if (c.version() != version) {
            store.update(c);
            audit.record(ConfigurationAudit.configuration("deletion_requested", before, c));
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private Configuration visible(Caller caller, TeamSelector team, String id) {
        return reachable(caller, team, id).filter(c -> !c.isDeleted()).orElseThrow(() -> new DomainException.NotFound("configuration " + id));
    }

    /**
     * The configuration if the caller may read it; a team the request names must be one of the caller's (403, checked
     * first) and then only that team's configurations are in reach.
     */
    private Optional<Configuration> reachable(Caller caller, TeamSelector team, String id) {
        Optional<String> named = teams.named(caller, team);
        return store.find(id)
                .filter(c -> ConfigurationAccess.canRead(caller, c))
                .filter(c -> named.map(t -> t.equals(c.teamId())).orElse(true));
    }

    private Configuration manageable(Caller caller, TeamSelector team, String id) {
        Configuration c = visible(caller, team, id);
        if (!ConfigurationAccess.canManage(caller, c)) {
            throw new DomainException.NotPermitted("only the owner or a team manager may change this configuration");
        }
        return c;
    }

    private void save(Configuration c, ConfigurationLifecycleEvent event, String verb, Map<String, Object> before) {
        store.update(c);
        publisher.publish(List.of(event));
        webhooks.notify(WebhookNotifier.ofLifecycle(List.of(c), List.of(event)));
        audit.record(ConfigurationAudit.configuration(verb, before, c));
    }

    /**
     * A PATCH that added scopes is a permission upgrade; any change of the scope set (added or removed) is a confirmed scope
     * change. Project access changes have no Vercel event.
     */
    private static List<WebhookNotifier.Change> scopeChanges(Configuration c, List<String> before) {
        Set<String> old = Set.copyOf(before);
        Set<String> now = Set.copyOf(c.scopes());
        if (old.equals(now)) {
            return List.of();
        }
        List<WebhookNotifier.Change> changes = new ArrayList<>(2);
        if (!old.containsAll(now)) {
            changes.add(new WebhookNotifier.Change(c, WebhookEvent.PERMISSION_UPGRADED, null));
        }
        changes.add(new WebhookNotifier.Change(c, WebhookEvent.SCOPE_CHANGE_CONFIRMED, null));
        return changes;
    }

    private void requirePlan(String teamId, App app, String field) {
        Plan plan = memberships.findTeam(teamId).map(Team::plan).orElse(Plan.HOBBY);
        if (plan.isBelow(app.requiredPlan())) {
            throw Problems.unprocessable(field, "team " + teamId + " is on plan " + PublishedNames.NAMES.name(plan) + " but app '" + app.slug()
                    + "' requires " + PublishedNames.NAMES.name(app.requiredPlan()));
        }
    }

    private static List<String> allowedScopes(App app, List<String> requested) {
        List<String> scopes = Scopes.validFormat(requested, "scopes");
        for (int i = 0; i < scopes.size(); i++) {
            if (!app.scopes().contains(scopes.get(i))) {
                throw new DomainException.InvalidValue("scopes[" + i + "]", "'" + scopes.get(i) + "' is not one of app '" + app.slug()
                        + "' scopes " + app.scopes());
            }
        }
        return scopes;
    }

    private static List<String> projects(ProjectSelection selection, List<String> projects) {
        if (selection == ProjectSelection.ALL) {
            if (projects != null && !projects.isEmpty()) {
                throw new DomainException.InvalidValue("projects", "may be given only when projectSelection is selected");
            }
            return null;
        }
        if (projects == null || projects.isEmpty()) {
            throw new DomainException.InvalidValue("projects", "is required and must not be empty when projectSelection is selected");
        }
        if (projects.size() > MAX_PROJECTS) {
            throw new DomainException.InvalidValue("projects", "at most " + MAX_PROJECTS + " projects");
        }
        for (int i = 0; i < projects.size(); i++) {
            String p = projects.get(i);
            if (p == null || !PROJECT_ID.matcher(p).matches()) {
                throw new DomainException.InvalidValue("projects[" + i + "]", "must be a project id (prj_…), was '" + p + "'");
            }
        }
        return projects.stream().distinct().toList();
    }
}
