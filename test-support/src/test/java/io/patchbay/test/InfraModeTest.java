package io.patchbay.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InfraModeTest {

    @Test
    void autoFollowsTheDockerDaemon() {
        assertThat(InfraMode.resolve(null, () -> true)).isEqualTo(InfraMode.CONTAINERS);
        assertThat(InfraMode.resolve(" ", () -> false)).isEqualTo(InfraMode.EMBEDDED);
        assertThat(InfraMode.resolve("AUTO", () -> true)).isEqualTo(InfraMode.CONTAINERS);
    }

    @Test
    void anExplicitChoiceWinsWithoutAskingDocker() {
        assertThat(InfraMode.resolve("embedded", () -> { throw new AssertionError("asked Docker"); }))
                .isEqualTo(InfraMode.EMBEDDED);
        assertThat(InfraMode.resolve("Containers", () -> false)).isEqualTo(InfraMode.CONTAINERS);
    }

    @Test
    void rejectsAnUnknownChoice() {
        assertThatThrownBy(() -> InfraMode.resolve("podman", () -> true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TEST_INFRA");
    }

    @Test
    void theDockerProbeNeverThrows() {
        assertThat(Docker.available()).isIn(true, false);
    }
}
