package io.patchbay.config.adapter.out.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.patchbay.config.application.PublishedNames;
import io.patchbay.config.application.port.out.DeliveryBodies;
import io.patchbay.config.domain.Configuration;
import io.patchbay.config.domain.Notification;
import io.patchbay.config.domain.WebhookEvent;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Vercel's webhook envelope: {@code {id, type, createdAt, region: null, payload: {configuration, team, user}}}, the
 * configuration in the same shape {@code GET /v1/integrations/configuration/{id}} answers (unset fields omitted).
 */
@Singleton
class WebhookPayloads implements DeliveryBodies {
    static final String TYPE = "integration-configuration";

    private final JsonMapper json;

    WebhookPayloads(JsonMapper json) {
        this.json = json;
    }

    @Override
    public String render(String eventId, WebhookEvent type, long createdAt, Configuration c) {
        Notification n = c.notification();
        ConfigurationBody configuration = new ConfigurationBody(c.createdAt(), c.id(), c.integrationId(), c.ownerId(), c.slug(), c.teamId(), TYPE,
                c.updatedAt(), c.userId(), c.scopes(), c.completedAt(), c.projects(), PublishedNames.NAMES.name(c.projectSelection()),
                PublishedNames.NAMES.name(c.source()),
                PublishedNames.NAMES.name(c.installationType()), PublishedNames.NAMES.name(c.status()), c.externalId(),
                n == null ? null : new NotificationBody(PublishedNames.NAMES.name(n.level()), n.title(), n.message(), n.href()), c.disabledAt(),
                PublishedNames.NAMES.name(c.disabledReason()), c.deleteRequestedAt(), c.customerDeleteRequestedAt(), c.deletedAt());
        Envelope envelope = new Envelope(eventId, PublishedNames.NAMES.name(type), createdAt, null,
                new Payload(configuration, c.teamId() == null ? null : new Id(c.teamId()), new Id(c.userId())));
        try {
            return json.writeValueAsString(envelope);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Serdeable
    record Envelope(String id, String type, long createdAt, @JsonInclude(JsonInclude.Include.ALWAYS) String region, Payload payload) {
    }

    @Serdeable
    record Payload(ConfigurationBody configuration, @JsonInclude(JsonInclude.Include.ALWAYS) Id team, Id user) {
    }

    @Serdeable
    record Id(String id) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ConfigurationBody(long createdAt, String id, String integrationId, String ownerId, String slug, String teamId, String type,
                             long updatedAt, String userId, @JsonInclude(JsonInclude.Include.ALWAYS) List<String> scopes, Long completedAt,
                             List<String> projects, String projectSelection, String source, String installationType, String status,
                             String externalId, NotificationBody notification, Long disabledAt, String disabledReason,
                             Long deleteRequestedAt, Long customerDeleteRequestedAt, Long deletedAt) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NotificationBody(String level, String title, String message, String href) {
    }
}
