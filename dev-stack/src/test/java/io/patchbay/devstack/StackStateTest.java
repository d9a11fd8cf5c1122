package io.patchbay.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackStateTest {

    @TempDir
    Path dir;

    @Test
    void roundTripsAndIsGoneAfterDelete() {
        StackState state = new StackState(ProcessHandle.current().pid(), 25432, 29092, Map.of("config-service", 18081));
        state.write(dir);
        assertThat(StackState.read(dir)).contains(state);
        assertThat(state.launcherAlive()).isTrue();
        StackState.delete(dir);
        assertThat(StackState.read(dir)).isEmpty();
    }
}
