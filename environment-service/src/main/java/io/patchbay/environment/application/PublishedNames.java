package io.patchbay.environment.application;

import io.patchbay.environment.domain.Lifecycle;
import io.patchbay.environment.domain.Sharing;
import io.patchbay.kernel.naming.EnumNames;

/**
 * The one table of names for the domain's enums (the wire words of environment-service.md: {@code allow},
 * {@code pending_approval} …). The domain's constants carry no spelling; whatever leaves or enters the service spells
 * them here: the HTTP API (an unknown request value is the caller's 400), audit entries, and the database's columns (an
 * unknown stored value is bad data; {@code PublishedNamesTest} pins every stored value, so a renamed name cannot orphan
 * existing rows). The reading back is the kernel's {@link EnumNames}, as in every service.
 */
public final class PublishedNames {
    /** Names the domain's enums and reads names back: from a request ({@code fromRequest}) or stored ({@code fromStored}). */
    public static final EnumNames NAMES = EnumNames.builder()
            .add(Sharing.class, s -> switch (s) {
                case ALLOW -> "allow";
                case ASK -> "ask";
                case DENY -> "deny";
            })
            .add(Lifecycle.class, l -> switch (l) {
                case ACTIVE -> "active";
                case DISABLED -> "disabled";
                case PENDING_APPROVAL -> "pending_approval";
            })
            .build();

    private PublishedNames() {
    }
}
