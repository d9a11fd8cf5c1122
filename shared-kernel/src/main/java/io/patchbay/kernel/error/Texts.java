package io.patchbay.kernel.error;

/** Helpers for the text of error messages. */
public final class Texts {
    private static final int SHOWN = 80;

    private Texts() {
    }

    /** A value quoted back in a message: its first 80 characters (then "…"), "" for null. */
    public static String truncate(String value) {
        return value == null ? "" : value.length() > SHOWN ? value.substring(0, SHOWN) + "…" : value;
    }
}
