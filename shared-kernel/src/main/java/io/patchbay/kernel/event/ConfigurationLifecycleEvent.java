package io.patchbay.kernel.event;

/**
 * A change in a configuration's lifecycle, as config-service publishes it. The common fields are those of every
 * event (events.md); timestamps are epoch milliseconds. {@code version} is the configuration's version after the
 * change: consumers drop an event whose version is not newer than what they applied.
 */
public sealed interface ConfigurationLifecycleEvent
        permits ConfigurationDisabled, ConfigurationEnabled, ConfigurationTransferred, ConfigurationDeleted {
    String configurationId();

    String integrationId();

    String slug();

    String ownerId();

    /** Null for personal configurations. */
    String teamId();

    String userId();

    long version();

    long occurredAt();
}
