package io.patchbay.devstack;

import java.util.List;

/**
 * One Patchbay service as the dev stack runs it: the Maven module (and jar) of that name, its HTTP port (default and
 * the environment variable that overrides it), its database, and whether it consumes the lifecycle topic (in the
 * consumer group named after it, the services' default {@code patchbay.consumer.group-id}).
 */
record ServiceDefinition(String name, String portVariable, int defaultPort, String database, boolean consumer) {

    /** The services in start and display order. A service joins the stack once its module has a runnable jar. */
    static final List<ServiceDefinition> ALL = List.of(
            new ServiceDefinition("config-service", "PATCHBAY_CONFIG_PORT", 8081, "config_service", false),
            new ServiceDefinition("environment-service", "PATCHBAY_ENVIRONMENT_PORT", 8082, "environment_service", true),
            new ServiceDefinition("oauth-service", "PATCHBAY_OAUTH_PORT", 8083, "oauth_service", true),
            new ServiceDefinition("catalog-service", "PATCHBAY_CATALOG_PORT", 8084, "catalog_service", true));

    static final String CONFIG_SERVICE = "config-service";
}
