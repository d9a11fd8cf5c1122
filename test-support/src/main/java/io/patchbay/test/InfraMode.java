package io.patchbay.test;

import java.util.Locale;
import java.util.function.BooleanSupplier;

/** Where the test servers come from: {@code TEST_INFRA=embedded|containers|auto} (system property, then env). */
public enum InfraMode {
    EMBEDDED,
    CONTAINERS;

    public static final String SETTING = "TEST_INFRA";

    static InfraMode fromEnvironment() {
        String setting = System.getProperty(SETTING, System.getenv(SETTING));
        return resolve(setting, Docker::available);
    }

    /** {@code auto} (or nothing) means containers when a Docker daemon answers, embedded servers otherwise. */
    static InfraMode resolve(String setting, BooleanSupplier dockerAvailable) {
        String value = setting == null || setting.isBlank() ? "auto" : setting.trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "embedded" -> EMBEDDED;
            case "containers" -> CONTAINERS;
            case "auto" -> dockerAvailable.getAsBoolean() ? CONTAINERS : EMBEDDED;
            default -> throw new IllegalArgumentException(
                    SETTING + " must be embedded, containers or auto, not '" + setting + "'");
        };
    }
}
