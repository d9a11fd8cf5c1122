package io.patchbay.config.application;

import io.patchbay.kernel.error.DomainException;
import io.patchbay.config.application.port.in.AppCommand;
import io.patchbay.config.application.port.in.AppsUseCase;
import io.patchbay.config.application.port.in.CreatedApp;
import io.patchbay.config.application.port.out.AppStore;
import io.patchbay.config.application.port.out.BulkSelection;
import io.patchbay.config.domain.App;
import io.patchbay.config.domain.DisableReason;
import io.patchbay.config.domain.Plan;
import io.patchbay.config.domain.Scopes;
import io.patchbay.kernel.audit.AuditTrail;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.id.Ids;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;

@Singleton
public class AppService implements AppsUseCase {
    private final AppStore apps;
    private final BulkLifecycle bulk;
    private final TargetGuard guard;
    private final AuditTrail audit;
    private final Clock clock;

    public AppService(AppStore apps, BulkLifecycle bulk, TargetGuard guard, AuditTrail audit, Clock clock) {
        this.apps = apps;
        this.bulk = bulk;
        this.guard = guard;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public CreatedApp create(AppCommand c) {
        requireAdmin(c.caller());
        if (c.slug() == null) {
            throw new DomainException.InvalidValue("slug", "is required");
        }
        if (c.name() == null) {
            throw new DomainException.InvalidValue("name", "is required");
        }
        long now = clock.millis();
        App app = new App(Ids.prefixed(App.ID_PREFIX, 24), slug(c.slug()), name(c.name()), icon(c.icon()),
                c.scopes() == null ? List.of() : Scopes.validFormat(c.scopes(), "scopes"),
                Boolean.TRUE.equals(c.marketplace()), c.partnerTeamId(), c.requiredPlan() == null ? Plan.HOBBY : c.requiredPlan(),
                c.available() == null || c.available(), Boolean.TRUE.equals(c.legacy()), now, now, webhookUrl(c.webhookUrl()));
        apps.insert(app, c.caller().userId());
        String secret = Ids.prefixed("", App.CLIENT_SECRET_LENGTH);
        apps.saveClientSecret(app.id(), secret);
        audit.record(ConfigurationAudit.appCreated(app));
        return new CreatedApp(app, secret);
    }

    @Override
    @Transactional
    public List<App> list() {
        return apps.list();
    }

    @Override
    @Transactional
    public App get(String idOrSlug) {
        return apps.findByIdOrSlug(idOrSlug).orElseThrow(() -> new DomainException.NotFound("app " + idOrSlug));
    }

    @Override
    @Transactional
    public App update(String idOrSlug, AppCommand c) {
        requireAdmin(c.caller());
        App old = apps.findByIdOrSlug(idOrSlug).orElseThrow(() -> new DomainException.NotFound("app " + idOrSlug));
        App updated = new App(old.id(),
                c.slug() == null ? old.slug() : slug(c.slug()),
                c.name() == null ? old.name() : name(c.name()),
                c.icon() == null ? old.icon() : icon(c.icon()),
                c.scopes() == null ? old.scopes() : Scopes.validFormat(c.scopes(), "scopes"),
                c.marketplace() == null ? old.marketplace() : c.marketplace(),
                c.partnerTeamIdGiven() ? c.partnerTeamId() : old.partnerTeamId(),
                c.requiredPlan() == null ? old.requiredPlan() : c.requiredPlan(),
                c.available() == null ? old.available() : c.available(),
                c.legacy() == null ? old.legacy() : c.legacy(),
                old.createdAt(), Math.max(clock.millis(), old.updatedAt()),
                c.webhookUrlGiven() ? webhookUrl(c.webhookUrl()) : old.webhookUrl());
        apps.update(old, updated, c.caller().userId());
        audit.record(ConfigurationAudit.app("updated", old, updated));
        String actor = c.caller().userId();
        if (old.available() && !updated.available()) {
            bulk.disable(new BulkSelection.ActiveOfApp(old.id()), DisableReason.FEATURE_NOT_AVAILABLE, actor, ConfigurationAudit.APP_UNAVAILABLE);
        } else if (!old.available() && updated.available()) {
            bulk.enable(new BulkSelection.DisabledOfApp(old.id(), DisableReason.FEATURE_NOT_AVAILABLE), actor, ConfigurationAudit.APP_AVAILABLE);
        }
        return updated;
    }

    @Override
    @Transactional
    public CreatedApp rotateSecret(Caller caller, String idOrSlug) {
        App app = apps.findByIdOrSlug(idOrSlug).orElseThrow(() -> new DomainException.NotFound("app " + idOrSlug));
        boolean partner = app.partnerTeamId() != null && caller.managesTeam(app.partnerTeamId());
        if (!caller.isAdmin() && !partner) {
            throw new DomainException.NotPermitted("only platform admins and managers of the app's partner team may rotate its client secret");
        }
        String secret = Ids.prefixed("", App.CLIENT_SECRET_LENGTH);
        apps.saveClientSecret(app.id(), secret);
        audit.record(ConfigurationAudit.appSecretRotated(app));
        return new CreatedApp(app, secret);
    }

    private String webhookUrl(String url) {
        return url == null ? null : guard.checkForRegistration(url, "webhookUrl").toString();
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.isAdmin()) {
            throw new DomainException.NotPermitted("only platform admins may change the app registry");
        }
    }

    private static String slug(String slug) {
        if (!App.SLUG.matcher(slug).matches()) {
            throw new DomainException.InvalidValue("slug", "must match [a-z0-9][a-z0-9-]{1,63}, was '" + slug + "'");
        }
        return slug;
    }

    private static String name(String name) {
        if (name.isBlank() || name.length() > 100) {
            throw new DomainException.InvalidValue("name", "must be 1 to 100 characters");
        }
        return name;
    }

    private static String icon(String icon) {
        if (icon != null && icon.length() > 2048) {
            throw new DomainException.InvalidValue("icon", "must be at most 2048 characters");
        }
        return icon;
    }
}
