package io.patchbay.kernel;

import io.patchbay.kernel.id.Ids;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class IdsTest {
    @Test
    void prefixedIdsHaveTheirShapeAndDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = Ids.prefixed("icfg_", 24);
            assertThat(id).matches(Ids.pattern("icfg_", 24));
            seen.add(id);
        }
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void patternRejectsOtherShapes() {
        assertThat(Ids.pattern("icfg_", 24).matcher("icfg_short").matches()).isFalse();
        assertThat(Ids.pattern("icfg_", 24).matcher("oac_cuwj0AdCdH3BwWT4LPijCC7t").matches()).isFalse();
        assertThat(Ids.pattern("icfg_", 24).matcher("icfg_cuwj0AdCdH3BwWT4LPijCC7t").matches()).isTrue();
    }
}
