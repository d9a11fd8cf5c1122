package io.patchbay.environment.adapter.out.persistence;

import io.micronaut.test.support.TestPropertyProvider;
import io.patchbay.test.TestInfra;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.Map;

/**
 * A repository test: a fresh environment-service database with the real migrations for the class, the application
 * context without HTTP server, lifecycle consumer or topic provisioning.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RepositoryIT implements TestPropertyProvider {
    final String jdbcUrl = TestInfra.get().newDatabase(getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT));
    final QueryPlans db = new QueryPlans(jdbcUrl);

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(TestInfra.get().micronautProperties(jdbcUrl));
        props.put("patchbay.consumer.enabled", "false");
        props.put("patchbay.topic.provision", "false");
        return props;
    }
}
