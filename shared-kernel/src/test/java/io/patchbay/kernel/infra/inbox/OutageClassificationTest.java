package io.patchbay.kernel.infra.inbox;

import io.micronaut.data.exceptions.DataAccessException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures the consumer waits out (database unreachable) and which count towards the dead-letter topic. */
class OutageClassificationTest {
    @Test
    void connectionFailuresAreOutages() {
        assertThat(LifecycleConsumer.isInfrastructure(new DataAccessException("x", new SQLTransientConnectionException("pool exhausted")))).isTrue();
        assertThat(LifecycleConsumer.isInfrastructure(new DataAccessException("x", new SQLException("refused", "08001")))).isTrue();
        assertThat(LifecycleConsumer.isInfrastructure(new RuntimeException(new ConnectException("Connection refused")))).isTrue();
    }

    @Test
    void applicationFailuresAreNot() {
        assertThat(LifecycleConsumer.isInfrastructure(new IllegalStateException("handler refuses"))).isFalse();
        assertThat(LifecycleConsumer.isInfrastructure(new DataAccessException("x", new SQLException("violates", "23505")))).isFalse();
    }
}
