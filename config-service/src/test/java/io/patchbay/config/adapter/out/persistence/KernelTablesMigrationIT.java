package io.patchbay.config.adapter.out.persistence;

import io.micronaut.context.ApplicationContext;
import io.patchbay.test.LegacyDatabase;
import io.patchbay.test.TestInfra;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared-kernel's outbox tables moved out of this service's V1 into classpath:db/kernel/outbox: a database made by
 * the earlier V1 (test resource db/legacy) still migrates when the current service starts on it.
 */
class KernelTablesMigrationIT {

    @Test
    void aDatabaseMadeBeforeTheKernelBroughtItsTablesStillMigrates() {
        LegacyDatabase db = LegacyDatabase.migratedWith("db/legacy");
        int legacyChecksum = db.history().get("1");
        assertThat(db.validatesAgainst("classpath:db/migration", "classpath:db/kernel/outbox")).as("before the start").isFalse();

        Map<String, Object> props = new HashMap<>(TestInfra.get().micronautProperties(db.jdbcUrl()));
        props.put("patchbay.consumer.enabled", "false");
        props.put("patchbay.outbox.relay.enabled", "false");
        props.put("patchbay.topic.provision", "false");
        try (ApplicationContext context = ApplicationContext.run(props)) {
            context.getBean(DataSource.class);
        }

        assertThat(db.history()).containsKey("0.1").containsKey("1");
        assertThat(db.history().get("1")).isNotEqualTo(legacyChecksum);
        assertThat(db.hasTable("outbox_event")).isTrue();
        assertThat(db.validatesAgainst("classpath:db/migration", "classpath:db/kernel/outbox")).isTrue();
    }
}
