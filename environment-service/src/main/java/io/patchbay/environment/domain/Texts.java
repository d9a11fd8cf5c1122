package io.patchbay.environment.domain;

/** Small helpers for messages. */
public final class Texts {
    private Texts() {
    }

    public static String truncate(String value) {
        return value == null ? "" : value.length() > 80 ? value.substring(0, 80) + "…" : value;
    }
}
