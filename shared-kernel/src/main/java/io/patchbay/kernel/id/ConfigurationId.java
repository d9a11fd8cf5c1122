package io.patchbay.kernel.id;

import io.patchbay.kernel.error.Problems;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The id of a config-service configuration, as config-service issues it: {@code icfg_} and 24 base62 characters
 * ({@link Ids#prefixed(String, int)}). The one type the consuming services link records with (shared-kernel README,
 * "Configuration ids"); an id of any other shape cannot name a configuration, so it is bad input (400) before any call.
 */
public record ConfigurationId(String value) {
    public static final String PREFIX = "icfg_";
    public static final int LENGTH = 24;
    private static final Pattern PATTERN = Ids.pattern(PREFIX, LENGTH);
    static final String SHAPE = "a configuration id (icfg_ and 24 letters or digits)";

    public ConfigurationId {
        Objects.requireNonNull(value, "value");
        if (!isValid(value)) {
            throw new IllegalArgumentException("not " + SHAPE + ": " + value);
        }
    }

    public static boolean isValid(String value) {
        return value != null && PATTERN.matcher(value).matches();
    }

    /** A caller's {@code field}: the id, or 400 naming the field. */
    public static ConfigurationId parse(String value, String field) {
        if (!isValid(value)) {
            throw Problems.validation(field, "must be " + SHAPE);
        }
        return new ConfigurationId(value);
    }

    /** A new random id (what config-service generates). */
    public static ConfigurationId random() {
        return new ConfigurationId(Ids.prefixed(PREFIX, LENGTH));
    }

    @Override
    public String toString() {
        return value;
    }
}
