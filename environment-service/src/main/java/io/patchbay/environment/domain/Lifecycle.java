package io.patchbay.environment.domain;

import io.patchbay.kernel.error.Problems;

import java.util.Arrays;
import java.util.Locale;

/** The lifecycle of an environment integration (our addition to the Truto resource). */
public enum Lifecycle {
    ACTIVE, DISABLED, PENDING_APPROVAL;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Lifecycle parse(String value, String field) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(value)).findFirst()
                .orElseThrow(() -> Problems.validation(field, "must be one of active, disabled, pending_approval, was '" + value + "'"));
    }
}
