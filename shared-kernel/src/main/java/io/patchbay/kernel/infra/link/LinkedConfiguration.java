package io.patchbay.kernel.infra.link;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** What a consuming service learns of a configuration when it links a record to it (a subset of the Vercel resource). */
@Serdeable
public record LinkedConfiguration(String id, String ownerId, @Nullable String teamId, String userId, @Nullable Long disabledAt,
                                  @Nullable String disabledReason, @Nullable Long deleteRequestedAt) {
    public boolean isDisabled() {
        return disabledAt != null;
    }
}
