package io.patchbay.catalog.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.patchbay.kernel.infra.web.request.RequestRecord;
import jakarta.validation.constraints.NotNull;

import java.util.Map;

/**
 * v2's flat {@code secret_config}: {@code type} (AWS, GCP, AZURE, KUBERNETES, HASHICORP_VAULT, and our APONO) and the
 * fields of that store, all required ({@code parameters} for APONO). Which fields a type takes is checked where the
 * store is made ({@link IntegrationBodies}).
 */
@RequestRecord
@Serdeable
record SecretConfigV2Request(@NotNull String type, @Nullable String region, @JsonProperty("secret_id") @Nullable String secretId,
                             @Nullable String project, @Nullable String namespace, @Nullable String name,
                             @JsonProperty("vault_url") @Nullable String vaultUrl, @JsonProperty("secret_engine") @Nullable String secretEngine,
                             @Nullable String path, @Nullable Map<String, @NotNull String> parameters) {
}
