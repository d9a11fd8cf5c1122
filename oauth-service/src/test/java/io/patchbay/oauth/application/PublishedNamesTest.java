package io.patchbay.oauth.application;

import io.patchbay.oauth.domain.AuthType;
import io.patchbay.oauth.domain.IntegrationState;
import io.patchbay.oauth.domain.TemplateOption;
import io.patchbay.oauth.domain.TemplateRule;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The names rows, template files and clients hold: pinned, because existing rows and files must still read. */
class PublishedNamesTest {
    @Test
    void theNamesAreTheOnesRowsFilesAndClientsHold() {
        assertThat(names(AuthType.class)).containsExactly("Viewer", "Service Account");
        assertThat(names(IntegrationState.class)).containsExactly("active", "disabled");
        assertThat(names(TemplateOption.Type.class)).containsExactly("bool", "select");
        assertThat(names(TemplateRule.Kind.class)).containsExactly("exclusive_scope", "required_scope", "assert");
    }

    @Test
    void everyNameReadsBackAndAnUnknownStoredOneIsBadDataNotTheCallersMistake() {
        for (AuthType a : AuthType.values()) {
            assertThat(PublishedNames.NAMES.fromStored(AuthType.class, PublishedNames.NAMES.name(a), "integration.auth_type")).isEqualTo(a);
        }
        assertThatThrownBy(() -> PublishedNames.NAMES.fromStored(IntegrationState.class, "ACTIVE", "integration.state"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("integration.state").hasMessageContaining("ACTIVE");
    }

    private static <E extends Enum<E>> List<String> names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(PublishedNames.NAMES::name).toList();
    }
}
