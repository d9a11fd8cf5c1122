package io.patchbay.kernel.event;

import java.util.Arrays;
import java.util.Optional;

/** The four CloudEvents types ({@code ce_type}) of the lifecycle topic, each with its payload record. */
public enum LifecycleEventType {
    DISABLED("io.patchbay.configuration.disabled.v1", ConfigurationDisabled.class),
    ENABLED("io.patchbay.configuration.enabled.v1", ConfigurationEnabled.class),
    TRANSFERRED("io.patchbay.configuration.transferred.v1", ConfigurationTransferred.class),
    DELETED("io.patchbay.configuration.deleted.v1", ConfigurationDeleted.class);

    private final String ceType;
    private final Class<? extends ConfigurationLifecycleEvent> payloadType;

    LifecycleEventType(String ceType, Class<? extends ConfigurationLifecycleEvent> payloadType) {
        this.ceType = ceType;
        this.payloadType = payloadType;
    }

    public String ceType() {
        return ceType;
    }

    public Class<? extends ConfigurationLifecycleEvent> payloadType() {
        return payloadType;
    }

    /** The file name stem of this type's JSON Schema and example in {@code events/} ({@code configuration-disabled.v1}). */
    public String resourceName() {
        return "configuration-" + name().toLowerCase(java.util.Locale.ROOT) + ".v1";
    }

    public static Optional<LifecycleEventType> fromCeType(String ceType) {
        return Arrays.stream(values()).filter(t -> t.ceType.equals(ceType)).findFirst();
    }

    public static LifecycleEventType of(ConfigurationLifecycleEvent event) {
        return switch (event) {
            case ConfigurationDisabled ignored -> DISABLED;
            case ConfigurationEnabled ignored -> ENABLED;
            case ConfigurationTransferred ignored -> TRANSFERRED;
            case ConfigurationDeleted ignored -> DELETED;
        };
    }
}
