package io.patchbay.devstack;

import java.util.List;

/**
 * One Patchbay service as the dev stack runs it: the Maven module (and jar) of that name, its HTTP port (default and
 * the environment variable that overrides it) and its database.
 */
record ServiceDefinition(String name, String portVariable, int defaultPort, String database) {

    /** The services in start and display order. A service joins the stack once its module has a runnable jar. */
    static final List<ServiceDefinition> ALL = List.of(
            new ServiceDefinition("config-service", "PATCHBAY_CONFIG_PORT", 8081, "config_service"),
            new ServiceDefinition("environment-service", "PATCHBAY_ENVIRONMENT_PORT", 8082, "environment_service"),
            new ServiceDefinition("oauth-service", "PATCHBAY_OAUTH_PORT", 8083, "oauth_service"),
            new ServiceDefinition("catalog-service", "PATCHBAY_CATALOG_PORT", 8084, "catalog_service"));

    static final String CONFIG_SERVICE = "config-service";
}
