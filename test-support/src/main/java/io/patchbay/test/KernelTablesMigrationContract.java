package io.patchbay.test;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared-kernel's outbox/inbox tables moved out of each service's V1 into {@code classpath:db/kernel/<role>}: a
 * database made by the earlier V1 (the service's test resource {@code db/legacy}) still migrates when the current
 * service starts on it. Each service's {@code KernelTablesMigrationIT} extends this contract.
 */
public abstract class KernelTablesMigrationContract {
    /** Every service also gets the kernel's audit trail table. */
    private static final String AUDIT = "classpath:db/kernel/audit";

    /** {@code outbox} or {@code inbox}. */
    protected abstract String role();

    /** The kernel migration's version ({@code 0.1} outbox, {@code 0.2} inbox). */
    protected abstract String kernelVersion();

    /** A table the kernel migration makes. */
    protected abstract String kernelTable();

    @Test
    void aDatabaseMadeBeforeTheKernelBroughtItsTablesStillMigrates() {
        LegacyDatabase db = LegacyDatabase.migratedWith("db/legacy");
        int legacyChecksum = db.history().get("1");
        String kernel = "classpath:db/kernel/" + role();
        assertThat(db.validatesAgainst("classpath:db/migration", kernel)).as("before the start").isFalse();

        Map<String, Object> props = new HashMap<>(TestInfra.get().micronautProperties(db.jdbcUrl()));
        props.put("patchbay.consumer.enabled", "false");
        props.put("patchbay.outbox.relay.enabled", "false");
        props.put("patchbay.topic.provision", "false");
        String[] serviceLocations;
        try (ApplicationContext context = ApplicationContext.run(props)) {
            context.getBean(DataSource.class);
            // every location the service migrates from (the kernel may bring more than this role's tables)
            serviceLocations = context.getRequiredProperty("flyway.datasources.default.locations", String.class).split("\\s*,\\s*");
        }

        assertThat(serviceLocations).contains("classpath:db/migration", kernel, AUDIT);
        assertThat(db.history()).containsKey(kernelVersion()).containsKey("1");
        assertThat(db.history().get("1")).isNotEqualTo(legacyChecksum);
        assertThat(db.hasTable(kernelTable())).isTrue();
        assertThat(db.validatesAgainst(serviceLocations)).isTrue();
        assertThat(db.hasTable("audit_event")).as("the kernel's audit trail").isTrue();
    }
}
