package io.patchbay.environment.application;

import io.patchbay.environment.domain.Lifecycle;
import io.patchbay.environment.domain.Sharing;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The values rows hold and the API speaks: pinned, because existing rows and clients must still read them. */
class PublishedNamesTest {
    @Test
    void theNamesAreTheOnesRowsAndClientsHold() {
        assertThat(names(Sharing.class)).containsExactly("allow", "ask", "deny");
        assertThat(names(Lifecycle.class)).containsExactly("active", "disabled", "pending_approval");
    }

    @Test
    void everyNameReadsBackAndAnUnknownStoredOneIsBadDataNotTheCallersMistake() {
        for (Sharing s : Sharing.values()) {
            assertThat(PublishedNames.NAMES.fromStored(Sharing.class, PublishedNames.NAMES.name(s), "integration.sharing")).isEqualTo(s);
        }
        assertThatThrownBy(() -> PublishedNames.NAMES.fromStored(Sharing.class, "maybe", "integration.sharing"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("integration.sharing").hasMessageContaining("maybe");
    }

    private static <E extends Enum<E>> List<String> names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(PublishedNames.NAMES::name).toList();
    }
}
