package io.patchbay.environment.domain;

import io.patchbay.kernel.error.DomainException;

import java.util.Arrays;
import java.util.Locale;

/** Who may install an integration into another team's environment. */
public enum Sharing {
    ALLOW, ASK, DENY;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Sharing parse(String value, String field) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(value)).findFirst()
                .orElseThrow(() -> new DomainException.InvalidValue(field, "must be one of allow, ask, deny, was '" + value + "'"));
    }
}
