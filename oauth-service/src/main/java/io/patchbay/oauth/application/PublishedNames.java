package io.patchbay.oauth.application;

import io.patchbay.kernel.naming.EnumNames;
import io.patchbay.oauth.domain.AuthType;
import io.patchbay.oauth.domain.IntegrationState;
import io.patchbay.oauth.domain.TemplateOption;
import io.patchbay.oauth.domain.TemplateRule;

/**
 * The one table of names for the domain's enums (Posit's values: {@code Viewer}, {@code Service Account} …, and the
 * words of the template files). The domain's constants carry no spelling; whatever leaves or enters the service spells
 * them here: the HTTP API, audit entries, the database's columns and the shipped template files (an unknown stored value
 * is bad data; {@code PublishedNamesTest} pins every name, so a renamed one cannot orphan existing rows or files). An
 * auth type's name is also the value a template's {@code auth_type} option holds in an integration's config. The reading
 * back is the kernel's {@link EnumNames}, as in every service.
 */
public final class PublishedNames {
    /** Names the domain's enums and reads names back: from a request ({@code fromRequest}) or stored ({@code fromStored}). */
    public static final EnumNames NAMES = EnumNames.builder()
            .add(AuthType.class, a -> switch (a) {
                case VIEWER -> "Viewer";
                case SERVICE_ACCOUNT -> "Service Account";
            })
            .add(IntegrationState.class, s -> switch (s) {
                case ACTIVE -> "active";
                case DISABLED -> "disabled";
            })
            .add(TemplateOption.Type.class, t -> switch (t) {
                case BOOL -> "bool";
                case SELECT -> "select";
            })
            .add(TemplateRule.Kind.class, k -> switch (k) {
                case EXCLUSIVE_SCOPE -> "exclusive_scope";
                case REQUIRED_SCOPE -> "required_scope";
                case ASSERT -> "assert";
            })
            .build();

    private PublishedNames() {
    }
}
