package io.patchbay.config;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11: no test binds a fixed port. application.yml names the service's port (8081), and Micronaut binds an explicit
 * port in the test environment too; application-test.yml must turn it back to a free one, or every @MicronautTest fails
 * while a running platform holds 8081.
 */
class TestServerPortTest {

    @Test
    void theTestEnvironmentServesOnAFreePort() {
        try (ApplicationContext ctx = ApplicationContext.builder().deduceEnvironment(false).environments(Environment.TEST).build()) {
            ctx.getEnvironment().start();

            assertThat(ctx.getEnvironment().getProperty("micronaut.application.name", String.class))
                    .as("application.yml, which names the fixed port, is read").contains("config-service");
            assertThat(ctx.getEnvironment().getProperty("micronaut.server.port", Integer.class)).as("-1 is a free port").contains(-1);
        }
    }
}
