package io.patchbay.catalog.application;

import io.patchbay.catalog.domain.IntegrationStatus;
import io.patchbay.catalog.domain.ResourceStatus;
import io.patchbay.catalog.domain.SecretStore;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The names rows and clients hold: pinned, because existing rows (and their CHECK constraints) must still read them. */
class PublishedNamesTest {
    @Test
    void theNamesAreTheOnesRowsAndClientsHold() {
        assertThat(names(IntegrationStatus.class)).containsExactly("Initializing", "Refreshing", "Active", "Warning", "Error", "Disabled");
        assertThat(names(ResourceStatus.class)).containsExactly("Active", "Error", "Deleted");
        assertThat(names(SecretStore.Kind.class)).containsExactly("aws", "gcp", "kubernetes", "azure", "hashicorp_vault", "apono");
    }

    @Test
    void everyNameReadsBackAndAnUnknownStoredOneIsBadDataNotTheCallersMistake() {
        for (IntegrationStatus s : IntegrationStatus.values()) {
            assertThat(PublishedNames.NAMES.fromStored(IntegrationStatus.class, PublishedNames.NAMES.name(s), "integration.status")).isEqualTo(s);
        }
        assertThat(PublishedNames.NAMES.fromRequestIgnoringCase(IntegrationStatus.class, "active", "status")).isEqualTo(IntegrationStatus.ACTIVE);
        assertThatThrownBy(() -> PublishedNames.NAMES.fromStored(ResourceStatus.class, "ACTIVE", "resource.status"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("resource.status").hasMessageContaining("ACTIVE");
    }

    private static <E extends Enum<E>> List<String> names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(PublishedNames.NAMES::name).toList();
    }
}
