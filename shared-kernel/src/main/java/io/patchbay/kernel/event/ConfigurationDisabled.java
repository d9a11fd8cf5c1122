package io.patchbay.kernel.event;

public record ConfigurationDisabled(String configurationId, String integrationId, String slug, String ownerId, String teamId,
                                    String userId, long version, long occurredAt, long disabledAt, String reason)
        implements ConfigurationLifecycleEvent {
}
