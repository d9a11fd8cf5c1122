package io.patchbay.catalog.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.patchbay.kernel.infra.web.request.RequestRecord;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.util.Map;

/**
 * v4's {@code secret_store_config}: exactly one non-null store ({@code {"aws": {...}, "gcp": null}} is fine; "exactly
 * one" is checked where the store is made, {@link IntegrationBodies}). Reference stores need all their fields.
 */
@RequestRecord
@Serdeable
record SecretStoreConfigRequest(@Valid @Nullable Aws aws, @Valid @Nullable Gcp gcp, @Valid @Nullable Kubernetes kubernetes,
                                @Valid @Nullable Azure azure, @JsonProperty("hashicorp_vault") @Valid @Nullable HashicorpVault hashicorpVault,
                                @Valid @Nullable Apono apono) {
    @RequestRecord
    @Serdeable
    record Aws(@NotBlank(message = IntegrationBodies.REQUIRED) String region,
               @JsonProperty("secret_id") @NotBlank(message = IntegrationBodies.REQUIRED) String secretId) {
    }

    @RequestRecord
    @Serdeable
    record Gcp(@NotBlank(message = IntegrationBodies.REQUIRED) String project,
               @JsonProperty("secret_id") @NotBlank(message = IntegrationBodies.REQUIRED) String secretId) {
    }

    @RequestRecord
    @Serdeable
    record Kubernetes(@NotBlank(message = IntegrationBodies.REQUIRED) String namespace, @NotBlank(message = IntegrationBodies.REQUIRED) String name) {
    }

    @RequestRecord
    @Serdeable
    record Azure(@JsonProperty("vault_url") @NotBlank(message = IntegrationBodies.REQUIRED) String vaultUrl,
                 @NotBlank(message = IntegrationBodies.REQUIRED) String name) {
    }

    @RequestRecord
    @Serdeable
    record HashicorpVault(@JsonProperty("secret_engine") @NotBlank(message = IntegrationBodies.REQUIRED) String secretEngine,
                          @NotBlank(message = IntegrationBodies.REQUIRED) String path) {
    }

    /** The credentials themselves (sealed before they are stored; {@code ********} keeps a stored value). */
    @RequestRecord
    @Serdeable
    record Apono(@NotNull Map<String, @NotNull String> parameters) {
    }
}
