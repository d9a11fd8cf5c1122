package io.patchbay.catalog.adapter.in.web;

import io.patchbay.catalog.domain.SecretStore;

import java.util.Optional;

/** The APIs' names of a secret store kind: v4's key in {@code secret_store_config}, v2's {@code secret_config.type}. */
final class SecretStoreNames {
    private SecretStoreNames() {
    }

    static String v4Key(SecretStore.Kind kind) {
        return switch (kind) {
            case AWS -> "aws";
            case GCP -> "gcp";
            case KUBERNETES -> "kubernetes";
            case AZURE -> "azure";
            case HASHICORP_VAULT -> "hashicorp_vault";
            case APONO -> "apono";
        };
    }

    static String v2Type(SecretStore.Kind kind) {
        return switch (kind) {
            case AWS -> "AWS";
            case GCP -> "GCP";
            case KUBERNETES -> "KUBERNETES";
            case AZURE -> "AZURE";
            case HASHICORP_VAULT -> "HASHICORP_VAULT";
            case APONO -> "APONO";
        };
    }

    /** v2's type, in any case. */
    static Optional<SecretStore.Kind> ofV2Type(String type) {
        for (SecretStore.Kind kind : SecretStore.Kind.values()) {
            if (v2Type(kind).equalsIgnoreCase(type)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
