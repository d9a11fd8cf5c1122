package io.patchbay.config.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** Vercel's webhook resource; {@code secret} only in the answer to its creation. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookResponse(String id, String url, List<String> events, String ownerId, List<String> projectIds, long createdAt,
                              long updatedAt, String secret) {
}
