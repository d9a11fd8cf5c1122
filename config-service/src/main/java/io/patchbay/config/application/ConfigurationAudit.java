package io.patchbay.config.application;

import io.patchbay.config.domain.App;
import io.patchbay.config.domain.Configuration;
import io.patchbay.config.domain.Delivery;
import io.patchbay.config.domain.DeliveryState;
import io.patchbay.config.domain.Member;
import io.patchbay.config.domain.Notification;
import io.patchbay.config.domain.Team;
import io.patchbay.config.domain.Webhook;
import io.patchbay.config.domain.WebhookEvent;
import io.patchbay.kernel.audit.AuditChange;
import io.patchbay.kernel.audit.AuditChanges;
import io.patchbay.kernel.audit.AuditRecord;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What config-service's audit entries say about its records: the fields of each kind of record as the trail shows them
 * (wire values, RFC 3339 times) and the actions ({@code configuration.disabled}, {@code team.updated}, …). The service
 * keeps no secret values, so nothing here is masked.
 */
final class ConfigurationAudit {
    static final String CONFIGURATION = "configuration";
    static final String APP = "app";
    static final String TEAM = "team";
    static final String TEAM_MEMBER = "team_member";
    static final String WEBHOOK = "webhook";
    static final String WEBHOOK_DELIVERY = "webhook_delivery";

    /** Triggers: the causes of the changes the service makes by itself. */
    static final String PLAN_DOWNGRADE = "plan_downgrade";
    static final String PLAN_UPGRADE = "plan_upgrade";
    static final String MEMBER_ROLE_DOWNGRADED = "member_role_downgraded";
    static final String MEMBER_LEFT = "member_left";
    static final String APP_UNAVAILABLE = "app_unavailable";
    static final String APP_AVAILABLE = "app_available";
    static final String DELETION_GRACE = "deletion_grace";

    private ConfigurationAudit() {
    }

    static Map<String, Object> fields(Configuration c) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("integration_id", c.integrationId());
        f.put("slug", c.slug());
        f.put("owner_id", c.ownerId());
        f.put("team_id", c.teamId());
        f.put("user_id", c.userId());
        f.put("scopes", c.scopes());
        f.put("project_selection", PublishedNames.NAMES.name(c.projectSelection()));
        f.put("projects", c.projects());
        f.put("source", PublishedNames.NAMES.name(c.source()));
        f.put("installation_type", PublishedNames.NAMES.name(c.installationType()));
        f.put("status", PublishedNames.NAMES.name(c.status()));
        f.put("external_id", c.externalId());
        Notification n = c.notification();
        f.put("notification", n == null ? null : notification(n));
        f.put("disabled_at", time(c.disabledAt()));
        f.put("disabled_reason", PublishedNames.NAMES.name(c.disabledReason()));
        f.put("delete_requested_at", time(c.deleteRequestedAt()));
        f.put("deleted_at", time(c.deletedAt()));
        return f;
    }

    /** The entry of a change to {@code after}, whose fields were {@code before} ({@code Map.of()} for a new one). */
    static AuditRecord configuration(String verb, Map<String, Object> before, Configuration after) {
        return AuditRecord.of(CONFIGURATION + "." + verb, CONFIGURATION, after.id(), after.teamId(),
                AuditChanges.diff(before, fields(after), Set.of()));
    }

    static AuditRecord app(String verb, App before, App after) {
        return AuditRecord.of(APP + "." + verb, APP, after.id(), null,
                AuditChanges.diff(before == null ? Map.of() : fields(before), fields(after), Set.of()));
    }

    /** A new app: its fields and the client secret it was given (masked). */
    static AuditRecord appCreated(App app) {
        Map<String, AuditChange> changes = new LinkedHashMap<>(AuditChanges.created(fields(app), Set.of()));
        changes.put("client_secret", new AuditChange(null, AuditChanges.MASK));
        return AuditRecord.of(APP + ".created", APP, app.id(), null, changes);
    }

    static AuditRecord appSecretRotated(App app) {
        return AuditRecord.of(APP + ".secret_rotated", APP, app.id(), null, Map.of("client_secret", AuditChanges.secretReplaced()));
    }

    /** A webhook registered (with its secret, masked) or deleted. */
    static AuditRecord webhook(String verb, Webhook w) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("url", w.url());
        f.put("events", w.events().stream().map(PublishedNames.NAMES::name).sorted().toList());
        f.put("project_ids", w.projectIds());
        f.put("owner_id", w.ownerId());
        Map<String, AuditChange> changes = new LinkedHashMap<>(verb.equals("created") ? AuditChanges.created(f, Set.of())
                : AuditChanges.deleted(f, Set.of()));
        changes.put("secret", new AuditChange(verb.equals("created") ? null : AuditChanges.MASK,
                verb.equals("created") ? AuditChanges.MASK : null));
        return AuditRecord.of(WEBHOOK + "." + verb, WEBHOOK, w.id(), w.teamId(), changes);
    }

    /** In wire values, as the delivery log shows them: a delivered or failed one (or a pending one sent again) is pending now. */
    static AuditRecord redelivered(Webhook w, Delivery d, DeliveryState stateBefore) {
        return AuditRecord.of(WEBHOOK_DELIVERY + ".redelivered", WEBHOOK_DELIVERY, d.id(), w.teamId(),
                AuditChanges.of("state", PublishedNames.NAMES.name(stateBefore), PublishedNames.NAMES.name(d.state())));
    }

    static AuditRecord team(Team before, Team after) {
        return AuditRecord.of(TEAM + (before == null ? ".created" : ".updated"), TEAM, after.id(), after.id(),
                AuditChanges.diff(before == null ? Map.of() : fields(before), fields(after), Set.of()));
    }

    static AuditRecord member(String verb, String teamId, String userId, Member before, Member after) {
        return AuditRecord.of(TEAM_MEMBER + "." + verb, TEAM_MEMBER, teamId + ":" + userId, teamId,
                AuditChanges.diff(role(before), role(after), Set.of()));
    }

    private static Map<String, Object> fields(App a) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("slug", a.slug());
        f.put("name", a.name());
        f.put("icon", a.icon());
        f.put("scopes", a.scopes());
        f.put("marketplace", a.marketplace());
        f.put("partner_team_id", a.partnerTeamId());
        f.put("required_plan", PublishedNames.NAMES.name(a.requiredPlan()));
        f.put("available", a.available());
        f.put("legacy", a.legacy());
        return f;
    }

    private static Map<String, Object> fields(Team t) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("slug", t.slug());
        f.put("plan", PublishedNames.NAMES.name(t.plan()));
        return f;
    }

    private static Map<String, Object> role(Member m) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("role", m == null ? null : m.role().name());
        return f;
    }

    private static Map<String, Object> notification(Notification n) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("level", PublishedNames.NAMES.name(n.level()));
        f.put("title", n.title());
        f.put("message", n.message());
        f.put("href", n.href());
        return f;
    }

    private static String time(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis).toString();
    }
}
