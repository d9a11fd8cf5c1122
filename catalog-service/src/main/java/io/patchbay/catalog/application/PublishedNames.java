package io.patchbay.catalog.application;

import io.patchbay.catalog.domain.IntegrationStatus;
import io.patchbay.catalog.domain.ResourceStatus;
import io.patchbay.catalog.domain.SecretStore;
import io.patchbay.kernel.naming.EnumNames;

/**
 * The one table of names for the domain's enums (Apono's values: {@code Initializing}, {@code Deleted} …). The domain's
 * constants carry no spelling; whatever leaves or enters the service spells them here: the HTTP API (an unknown filter
 * value is the caller's 400), audit entries, and the database's columns (an unknown stored value is bad data;
 * {@code PublishedNamesTest} pins every name, so a renamed one cannot orphan existing rows). A secret store's kind is
 * named as the domain's own rule messages name it ({@link SecretStore.Kind#label}). The reading back is the kernel's
 * {@link EnumNames}, as in every service.
 */
public final class PublishedNames {
    /** Names the domain's enums and reads names back: from a request ({@code fromRequest}) or stored ({@code fromStored}). */
    public static final EnumNames NAMES = EnumNames.builder()
            .add(IntegrationStatus.class, s -> switch (s) {
                case INITIALIZING -> "Initializing";
                case REFRESHING -> "Refreshing";
                case ACTIVE -> "Active";
                case WARNING -> "Warning";
                case ERROR -> "Error";
                case DISABLED -> "Disabled";
            })
            .add(ResourceStatus.class, s -> switch (s) {
                case ACTIVE -> "Active";
                case ERROR -> "Error";
                case DELETED -> "Deleted";
            })
            .add(SecretStore.Kind.class, SecretStore.Kind::label)
            .build();

    private PublishedNames() {
    }
}
