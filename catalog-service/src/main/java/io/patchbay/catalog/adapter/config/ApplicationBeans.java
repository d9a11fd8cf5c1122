package io.patchbay.catalog.adapter.config;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.patchbay.catalog.application.port.out.BuiltInConnector;
import io.patchbay.catalog.application.port.out.DiscoverySettings;
import jakarta.inject.Singleton;

import java.time.Duration;

/** Settings the application layer needs, made into plain values here so it stays free of framework types. */
@Factory
class ApplicationBeans {
    @Singleton
    BuiltInConnector builtInConnector(@Value("${patchbay.catalog.connector-id:patchbay-builtin}") String id,
                                      @Value("${patchbay.catalog.connector-name:Patchbay built-in connector}") String name) {
        String version = ApplicationBeans.class.getPackage().getImplementationVersion();
        return new BuiltInConnector(id, name, version == null ? "0.1.0" : version);
    }

    @Singleton
    DiscoverySettings discoverySettings(@Value("${patchbay.discovery.job-timeout:5m}") Duration jobTimeout,
                                        @Value("${patchbay.discovery.lease-slack:30s}") Duration leaseSlack,
                                        @Value("${patchbay.discovery.max-attempts:3}") int maxAttempts) {
        return new DiscoverySettings(jobTimeout, leaseSlack, maxAttempts);
    }
}
