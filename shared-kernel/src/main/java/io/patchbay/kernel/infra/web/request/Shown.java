package io.patchbay.kernel.infra.web.request;

/** A caller's value as a problem message quotes it: at most 80 characters. */
final class Shown {
    private static final int MAX = 80;

    private Shown() {
    }

    static String value(String value) {
        return value == null ? "" : value.length() > MAX ? value.substring(0, MAX) + "…" : value;
    }
}
