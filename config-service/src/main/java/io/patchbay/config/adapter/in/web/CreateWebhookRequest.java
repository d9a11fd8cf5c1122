package io.patchbay.config.adapter.in.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.patchbay.kernel.infra.web.request.RequestRecord;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.util.List;

/** {@code POST /v1/webhooks} ({@code @vercel/sdk} webhooks.createWebhook): where to send which events. */
@RequestRecord
@Serdeable
public record CreateWebhookRequest(@NotBlank String url, @NotNull List<String> events, @Nullable List<String> projectIds) {
}
