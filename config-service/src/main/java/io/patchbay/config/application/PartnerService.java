package io.patchbay.config.application;

import io.patchbay.kernel.error.DomainException;
import io.patchbay.config.application.port.in.PartnerInstallationsUseCase;
import io.patchbay.config.application.port.in.PartnerUpdateCommand;
import io.patchbay.config.application.port.out.AppStore;
import io.patchbay.config.application.port.out.ConfigurationStore;
import io.patchbay.config.application.port.out.LifecycleEventPublisher;
import io.patchbay.config.domain.App;
import io.patchbay.config.domain.Configuration;
import io.patchbay.kernel.audit.AuditTrail;
import io.patchbay.kernel.auth.Caller;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Map;

@Singleton
public class PartnerService implements PartnerInstallationsUseCase {
    private final ConfigurationStore store;
    private final AppStore apps;
    private final LifecycleEventPublisher publisher;
    private final WebhookNotifier webhooks;
    private final AuditTrail audit;
    private final Clock clock;

    public PartnerService(ConfigurationStore store, AppStore apps, LifecycleEventPublisher publisher, WebhookNotifier webhooks, AuditTrail audit,
                          Clock clock) {
        this.store = store;
        this.apps = apps;
        this.publisher = publisher;
        this.webhooks = webhooks;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void update(PartnerUpdateCommand command) {
        Configuration c = partnersInstallation(command.caller(), command.id());
        Map<String, Object> before = ConfigurationAudit.fields(c);
        c.partnerUpdate(command.status(), command.externalId(), command.notification(), command.notificationGiven(),
                command.caller().userId(), clock.millis());
        store.update(c);
        audit.record(ConfigurationAudit.configuration("updated", before, c));
    }

    @Override
    @Transactional
    public void finalizeDeletion(Caller caller, String id) {
        Configuration c = store.find(id).orElseThrow(() -> new DomainException.NotFound("installation " + id));
        requirePartner(caller, c, id);
        Map<String, Object> before = ConfigurationAudit.fields(c);
        c.completeDeletion(caller.userId(), clock.millis()).ifPresent(event -> {
            store.update(c);
            publisher.publish(List.of(event));
            webhooks.notify(WebhookNotifier.ofLifecycle(List.of(c), List.of(event)));
            audit.record(ConfigurationAudit.configuration("deleted", before, c));
        });
    }

    private Configuration partnersInstallation(Caller caller, String id) {
        Configuration c = store.find(id).filter(found -> !found.isDeleted())
                .orElseThrow(() -> new DomainException.NotFound("installation " + id));
        requirePartner(caller, c, id);
        return c;
    }

    /** Installations of other partners' apps are invisible (404). */
    private void requirePartner(Caller caller, Configuration c, String id) {
        if (caller.isAdmin()) {
            return;
        }
        App app = apps.findByIdOrSlug(c.integrationId()).orElseThrow(() -> new DomainException.NotFound("installation " + id));
        if (app.partnerTeamId() == null || !caller.managesTeam(app.partnerTeamId())) {
            throw new DomainException.NotFound("installation " + id);
        }
    }
}
