package io.patchbay.oauth.support;

import io.patchbay.test.TestInfra;

import java.io.IOException;
import java.net.ServerSocket;
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

    /**
     * Pins the service under test to a free port and points its config-service link checks at the stand-in controller it
     * then hosts itself ({@code api.ConfigServiceStandIn}). Returns the port.
     */
    public static int withConfigServiceStandIn(Map<String, String> props) {
        int port = freePort();
        props.put("micronaut.server.port", Integer.toString(port));
        props.put("micronaut.http.services.config-service.url", "http://127.0.0.1:" + port);
        props.put("oauth-it.config-service", "true");
        return port;
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
