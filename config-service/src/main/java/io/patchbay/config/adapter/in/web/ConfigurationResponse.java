package io.patchbay.config.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** The Vercel configuration resource; unset optional fields are omitted. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConfigurationResponse(
        long createdAt,
        String id,
        String integrationId,
        String ownerId,
        String slug,
        String teamId,
        String type,
        long updatedAt,
        String userId,
        @JsonInclude(JsonInclude.Include.ALWAYS) List<String> scopes,
        Long completedAt,
        List<String> projects,
        String projectSelection,
        String source,
        String installationType,
        String status,
        String externalId,
        NotificationBody notification,
        Long disabledAt,
        String disabledReason,
        Long deleteRequestedAt,
        Long customerDeleteRequestedAt,
        Long deletedAt,
        IntegrationSummary integration) {

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NotificationBody(String level, String title, String message, String href) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IntegrationSummary(String name, String icon, boolean isLegacy) {
    }
}
