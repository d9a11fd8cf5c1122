package io.patchbay.kernel.infra.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the framework's error messages into short ones for callers: the argument name is kept, Java class names and
 * parser internals are dropped.
 */
final class FrameworkMessages {
    private static final Pattern ARGUMENT = Pattern.compile("(?:argument|QueryValue|Header|PathVariable|Body) \\[([^\\]]+)\\]");
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*");
    private static final int MAX = 300;

    private FrameworkMessages() {
    }

    static String fieldOf(String message) {
        if (message == null) {
            return "request";
        }
        Matcher m = ARGUMENT.matcher(message);
        return m.find() ? m.group(1) : "request";
    }

    /** Micronaut's "Required Body [json] not specified": the request had no body (or JSON null). */
    static boolean isMissingBody(String message) {
        return message != null && message.startsWith("Required Body [");
    }

    static String clean(String message) {
        if (message == null || message.isBlank()) {
            return "invalid value";
        }
        String text = message;
        int dueTo = text.indexOf(" due to: ");
        if (dueTo >= 0) {
            text = text.substring(0, dueTo) + ": " + text.substring(dueTo + " due to: ".length());
        }
        text = CLASS_NAME.matcher(text).replaceAll("value");
        int source = text.indexOf(" at [Source");
        if (source >= 0) {
            text = text.substring(0, source);
        }
        return text.length() > MAX ? text.substring(0, MAX) + "…" : text;
    }
}
