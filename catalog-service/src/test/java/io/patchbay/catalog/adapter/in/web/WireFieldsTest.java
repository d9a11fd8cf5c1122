package io.patchbay.catalog.adapter.in.web;

import io.patchbay.kernel.error.DomainException;
import io.patchbay.kernel.error.DomainException.Violation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WireFieldsTest {
    @Test
    void eachApiVersionNamesTheDomainsAttributesItsOwnWay() {
        assertThat(WireFields.V4.fieldOf("config.hostname")).isEqualTo("integration_config.hostname");
        assertThat(WireFields.V2.fieldOf("config.hostname")).isEqualTo("metadata.hostname");
        assertThat(WireFields.V4.fieldOf("secret_store")).isEqualTo("secret_store_config");
        assertThat(WireFields.V2.fieldOf("secret_store.apono.parameters.token")).isEqualTo("secret_config.apono.parameters.token");
        assertThat(WireFields.V4.fieldOf("connector")).isEqualTo("connector_id");
        assertThat(WireFields.V2.fieldOf("connector")).isEqualTo("provisioner_id");
    }

    @Test
    void otherAttributesKeepTheirNames() {
        assertThat(WireFields.V4.fieldOf("configuration_id")).isEqualTo("configuration_id");
        assertThat(WireFields.V2.fieldOf("connected_resource_types")).isEqualTo("connected_resource_types");
        assertThat(WireFields.V4.fieldOf("name")).isEqualTo("name");
    }

    @Test
    void aUseCasesInvalidValuesAreRenamedAndOtherFailuresPassThrough() {
        assertThatThrownBy(() -> WireFields.V2.naming(() -> {
            throw new DomainException.InvalidValue(List.of(new Violation("config.port", "must be a number"), new Violation("name", "is required")));
        })).isInstanceOfSatisfying(DomainException.InvalidValue.class, e -> assertThat(e.violations())
                .containsExactly(new Violation("metadata.port", "must be a number"), new Violation("name", "is required")));
        DomainException.Conflict conflict = new DomainException.Conflict("integration x is disabled");
        assertThatThrownBy(() -> WireFields.V4.naming(() -> {
            throw conflict;
        })).isSameAs(conflict);
        assertThat(WireFields.V4.naming(() -> "done")).isEqualTo("done");
    }
}
