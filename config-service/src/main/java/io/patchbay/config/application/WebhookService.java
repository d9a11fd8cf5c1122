package io.patchbay.config.application;

import io.patchbay.kernel.error.DomainException;
import io.patchbay.config.application.port.in.CreateWebhookCommand;
import io.patchbay.config.application.port.in.CreatedWebhook;
import io.patchbay.config.application.port.in.DeliveryLog;
import io.patchbay.config.application.port.in.TeamSelector;
import io.patchbay.config.application.port.in.WebhooksUseCase;
import io.patchbay.config.application.port.out.DeliveryStore;
import io.patchbay.config.application.port.out.WebhookStore;
import io.patchbay.config.domain.Delivery;
import io.patchbay.config.domain.DeliveryState;
import io.patchbay.config.domain.Webhook;
import io.patchbay.kernel.audit.AuditTrail;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.error.Problems;
import io.patchbay.kernel.id.Ids;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Webhooks of a user or a team: members read them and their deliveries, the owner user or a team manager registers,
 * deletes and redelivers. A webhook of another owner is not found (404), as configurations are.
 */
@Singleton
public class WebhookService implements WebhooksUseCase {
    static final Pattern PROJECT_ID = Pattern.compile("prj_[0-9A-Za-z]{1,64}");
    static final int MAX_PROJECTS = 100;
    static final int MAX_WEBHOOKS_PER_OWNER = 100;

    private final WebhookStore webhooks;
    private final DeliveryStore deliveries;
    private final TeamResolver teams;
    private final TargetGuard guard;
    private final WebhookSettings settings;
    private final AuditTrail audit;
    private final Clock clock;

    public WebhookService(WebhookStore webhooks, DeliveryStore deliveries, TeamResolver teams, TargetGuard guard, WebhookSettings settings,
                          AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.teams = teams;
        this.guard = guard;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    @Transactional
    public CreatedWebhook create(CreateWebhookCommand c) {
        Caller caller = c.caller();
        Optional<String> team = teams.acting(caller, c.team());
        if (team.isPresent() && !caller.managesTeam(team.get()) && !caller.isAdmin()) {
            throw new DomainException.NotPermitted("only team owners, members and developers may register webhooks for team " + team.get());
        }
        if (c.events() == null || c.events().isEmpty()) {
            throw new DomainException.InvalidValue("events", "must name at least one event");
        }
        List<String> projects = projectIds(c.projectIds());
        var url = guard.checkForRegistration(c.url(), "url");
        String owner = team.orElse(caller.userId());
        if (webhooks.listByOwner(owner, null).size() >= MAX_WEBHOOKS_PER_OWNER) {
            throw Problems.unprocessable("url", "at most " + MAX_WEBHOOKS_PER_OWNER + " webhooks per owner");
        }
        long now = clock.millis();
        Webhook webhook = new Webhook(Ids.prefixed(Webhook.ID_PREFIX, 24), owner, team.orElse(null), url.toString(),
                new LinkedHashSet<>(c.events()), projects, now, now);
        String secret = Ids.prefixed("", Webhook.SECRET_LENGTH);
        webhooks.insert(webhook, secret, caller.userId());
        audit.record(ConfigurationAudit.webhook("created", webhook));
        return new CreatedWebhook(webhook, secret);
    }

    @Override
    @Transactional
    public List<Webhook> list(Caller caller, TeamSelector team, String projectId) {
        if (projectId != null && !PROJECT_ID.matcher(projectId).matches()) {
            throw new DomainException.InvalidValue("projectId", "must be a project id (prj_…)");
        }
        String owner = teams.acting(caller, team).orElse(caller.userId());
        return webhooks.listByOwner(owner, projectId);
    }

    @Override
    @Transactional
    public Webhook get(Caller caller, TeamSelector team, String id) {
        return visible(caller, team, id);
    }

    @Override
    @Transactional
    public void delete(Caller caller, TeamSelector team, String id) {
        Webhook webhook = manageable(caller, team, id);
        deliveries.deleteByTarget(webhook.id());
        webhooks.delete(webhook.id());
        audit.record(ConfigurationAudit.webhook("deleted", webhook));
    }

    @Override
    @Transactional
    public DeliveryLog deliveries(Caller caller, TeamSelector team, String webhookId, int limit, Long beforeSeq) {
        Webhook webhook = visible(caller, team, webhookId);
        List<Delivery> page = deliveries.page(webhook.id(), limit, beforeSeq);
        if (page.size() <= limit) {
            return new DeliveryLog(page, Optional.empty());
        }
        List<Delivery> items = page.subList(0, limit);
        return new DeliveryLog(List.copyOf(items), Optional.of(items.getLast().seq()));
    }

    @Override
    @Transactional
    public Delivery redeliver(Caller caller, TeamSelector team, String webhookId, String deliveryId) {
        Webhook webhook = manageable(caller, team, webhookId);
        Delivery delivery = deliveries.find(webhook.id(), deliveryId).orElseThrow(() -> new DomainException.NotFound("delivery " + deliveryId));
        DeliveryState stateBefore = delivery.state();
        delivery.redeliver(clock.millis(), settings.retry());
        if (!deliveries.save(delivery)) {
            throw new DomainException.Conflict("delivery " + deliveryId + " is being sent right now; try again");
        }
        audit.record(ConfigurationAudit.redelivered(webhook, delivery, stateBefore));
        return delivery;
    }

    private Webhook visible(Caller caller, TeamSelector team, String id) {
        Optional<String> named = teams.named(caller, team);
        return webhooks.find(id)
                .filter(w -> caller.isAdmin() || (w.isTeamWebhook() ? caller.isMemberOf(w.teamId()) : w.ownerId().equals(caller.userId())))
                .filter(w -> named.map(t -> t.equals(w.teamId())).orElse(true))
                .orElseThrow(() -> new DomainException.NotFound("webhook " + id));
    }

    private Webhook manageable(Caller caller, TeamSelector team, String id) {
        Webhook w = visible(caller, team, id);
        boolean manages = caller.isAdmin() || (w.isTeamWebhook() ? caller.managesTeam(w.teamId()) : w.ownerId().equals(caller.userId()));
        if (!manages) {
            throw new DomainException.NotPermitted("only the owner or a team manager may change this webhook");
        }
        return w;
    }

    private static List<String> projectIds(List<String> projectIds) {
        if (projectIds == null) {
            return null;
        }
        if (projectIds.size() > MAX_PROJECTS) {
            throw new DomainException.InvalidValue("projectIds", "at most " + MAX_PROJECTS + " projects");
        }
        for (int i = 0; i < projectIds.size(); i++) {
            String p = projectIds.get(i);
            if (p == null || !PROJECT_ID.matcher(p).matches()) {
                throw new DomainException.InvalidValue("projectIds[" + i + "]", "must be a project id (prj_…)");
            }
        }
        return projectIds.stream().distinct().toList();
    }
}
