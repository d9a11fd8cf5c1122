package io.patchbay.oauth.domain;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Compiled template regexes, cached (templates are loaded once and validated at start-up). */
final class Patterns {
    private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();

    private Patterns() {
    }

    static Pattern compile(String regex) {
        return CACHE.computeIfAbsent(regex, Pattern::compile);
    }
}
