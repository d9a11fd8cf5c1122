package io.patchbay.test;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No test binds a fixed port (issue 11). A service's application.yml names its port ({@code PATCHBAY_HTTP_PORT},
 * 8081…8084), and Micronaut binds an explicit port in the test environment too, so every {@code @MicronautTest} failed
 * while a running platform held it. Each service's {@code src/test/resources/application-test.yml} sets
 * {@code micronaut.server.port: -1} (a free port per context); its {@code TestServerPortTest} extends this contract.
 */
public abstract class FreeTestPortContract {

    /** The service's {@code micronaut.application.name}, proving its application.yml was read. */
    protected abstract String applicationName();

    @Test
    void theTestEnvironmentServesOnAFreePort() {
        try (ApplicationContext ctx = ApplicationContext.builder().deduceEnvironment(false).environments(Environment.TEST).build()) {
            ctx.getEnvironment().start();
            assertThat(ctx.getEnvironment().getProperty("micronaut.application.name", String.class))
                    .as("application.yml, which names the fixed port, is read").contains(applicationName());
            assertThat(ctx.getEnvironment().getProperty("micronaut.server.port", Integer.class)).as("-1 is a free port").contains(-1);
        }
    }
}
