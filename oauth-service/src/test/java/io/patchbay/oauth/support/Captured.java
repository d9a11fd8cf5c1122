package io.patchbay.oauth.support;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything the test JVM saw that must never contain a secret: every response (status line, headers, body) received
 * through {@link RecordingApi} and every log line (through {@link CapturingAppender}); and the secret values tests wrote
 * ({@link #plant()}). {@code SecretLeakScanIT} checks one against the other.
 */
public final class Captured {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final Set<String> PLANTED = ConcurrentHashMap.newKeySet();
    private static final List<String> RESPONSES = Collections.synchronizedList(new ArrayList<>());
    private static final List<String> LOGS = Collections.synchronizedList(new ArrayList<>());

    private Captured() {
    }

    /** A fresh secret value (a valid client secret: no spaces) that no output may ever contain. */
    public static String plant() {
        StringBuilder core = new StringBuilder("pbSecret");
        for (int i = 0; i < 24; i++) {
            core.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        PLANTED.add(core.toString());
        return core.toString();
    }

    /** Registers a value the test sends as a secret even though it is invalid (e.g. with spaces); it must not leak either. */
    public static String plant(String value) {
        PLANTED.add(value);
        return value;
    }

    /** Un-plants a value a test leaked on purpose (the scan's own canary). */
    public static void forget(String value) {
        PLANTED.remove(value);
    }

    /** A response received outside {@link RecordingApi} (the bad-input run's), for the scan. */
    public static void response(String text) {
        RESPONSES.add(text);
    }

    static void log(String text) {
        LOGS.add(text);
    }

    public static Set<String> planted() {
        return Set.copyOf(PLANTED);
    }

    public static List<String> responses() {
        synchronized (RESPONSES) {
            return List.copyOf(RESPONSES);
        }
    }

    public static List<String> logs() {
        synchronized (LOGS) {
            return List.copyOf(LOGS);
        }
    }
}
