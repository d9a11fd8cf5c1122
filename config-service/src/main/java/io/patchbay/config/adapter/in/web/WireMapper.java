package io.patchbay.config.adapter.in.web;

import io.patchbay.config.application.PublishedNames;
import io.patchbay.config.domain.App;
import io.patchbay.config.domain.Configuration;
import io.patchbay.config.domain.Delivery;
import io.patchbay.config.domain.DeliveryState;
import io.patchbay.config.domain.Member;
import io.patchbay.config.domain.Notification;
import io.patchbay.config.domain.Team;
import io.patchbay.config.domain.Webhook;
import io.patchbay.config.domain.WebhookEvent;

/** Domain → wire format. */
final class WireMapper {
    static final String TYPE = "integration-configuration";

    private WireMapper() {
    }

    static ConfigurationResponse configuration(Configuration c, App appForProjectView) {
        Notification n = c.notification();
        return new ConfigurationResponse(c.createdAt(), c.id(), c.integrationId(), c.ownerId(), c.slug(), c.teamId(), TYPE, c.updatedAt(),
                c.userId(), c.scopes(), c.completedAt(), c.projects(), PublishedNames.NAMES.name(c.projectSelection()), PublishedNames.NAMES.name(c.source()),
                PublishedNames.NAMES.name(c.installationType()), PublishedNames.NAMES.name(c.status()), c.externalId(),
                n == null ? null : new ConfigurationResponse.NotificationBody(PublishedNames.NAMES.name(n.level()), n.title(), n.message(), n.href()),
                c.disabledAt(), PublishedNames.NAMES.name(c.disabledReason()), c.deleteRequestedAt(), c.customerDeleteRequestedAt(), c.deletedAt(),
                appForProjectView == null ? null
                        : new ConfigurationResponse.IntegrationSummary(appForProjectView.name(),
                        appForProjectView.icon() == null ? "" : appForProjectView.icon(), appForProjectView.legacy()));
    }

    static AppResponse app(App a) {
        return app(a, null);
    }

    /** With {@code clientSecret} only when it was just made (creation, rotation). */
    static AppResponse app(App a, String clientSecret) {
        return new AppResponse(a.id(), a.slug(), a.name(), a.icon(), a.scopes(), a.marketplace(), a.partnerTeamId(), PublishedNames.NAMES.name(a.requiredPlan()),
                a.available(), a.legacy(), a.createdAt(), a.updatedAt(), a.webhookUrl(), clientSecret);
    }

    /** With {@code secret} only when it was just made (creation). */
    static WebhookResponse webhook(Webhook w, String secret) {
        return new WebhookResponse(w.id(), w.url(), w.events().stream().map(PublishedNames.NAMES::name).sorted().toList(), w.ownerId(), w.projectIds(),
                w.createdAt(), w.updatedAt(), secret);
    }

    static DeliveryResponse delivery(Delivery d) {
        return new DeliveryResponse(d.id(), d.targetId(), d.eventId(), PublishedNames.NAMES.name(d.type()), d.configurationId(),
                PublishedNames.NAMES.name(d.state()), d.attempts(),
                d.lastStatus(), d.lastDurationMs(), d.lastError(), d.state() == DeliveryState.PENDING ? d.nextAttemptAt() : null, d.createdAt(),
                d.deliveredAt());
    }

    static TeamResponses.TeamResponse team(Team t) {
        return new TeamResponses.TeamResponse(t.id(), t.slug(), PublishedNames.NAMES.name(t.plan()));
    }

    static TeamResponses.MemberResponse member(Member m) {
        return new TeamResponses.MemberResponse(m.teamId(), m.userId(), m.role().name());
    }

}
