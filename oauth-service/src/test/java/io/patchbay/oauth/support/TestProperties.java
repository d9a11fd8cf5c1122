package io.patchbay.oauth.support;

import io.patchbay.test.TestInfra;

import java.util.HashMap;
import java.util.Map;

/** Properties for a service under test: a fresh database, the shared Kafka; consumer and re-encrypt job off unless a test wants them. */
public final class TestProperties {
    private TestProperties() {
    }

    public static Map<String, String> of(String databasePrefix) {
        TestInfra infra = TestInfra.get();
        Map<String, String> props = new HashMap<>(infra.micronautProperties(infra.newDatabase(databasePrefix)));
        props.put("patchbay.consumer.enabled", "false");
        props.put("patchbay.secrets.reencrypt.enabled", "false");
        // no config-service in these tests unless a stand-in is started: a closed port answers at once
        props.put("micronaut.http.services.config-service.url", "http://127.0.0.1:9");
        return props;
    }
}
