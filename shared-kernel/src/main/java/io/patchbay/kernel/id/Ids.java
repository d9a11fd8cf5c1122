package io.patchbay.kernel.id;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.regex.Pattern;

/** Random, non-sequential identifiers: {@code prefix + base62}, and UUIDs. */
public final class Ids {
    private static final char[] BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    /** A team id as the platform's tokens carry it ({@code team_…}). */
    public static final Pattern TEAM_ID = Pattern.compile("team_[0-9A-Za-z_-]{1,64}");
    /** A UUID in its text form, either case. */
    public static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Ids() {
    }

    /** {@code prefix} followed by {@code length} random base62 characters. */
    public static String prefixed(String prefix, int length) {
        StringBuilder id = new StringBuilder(prefix.length() + length).append(prefix);
        for (int i = 0; i < length; i++) {
            id.append(BASE62[RANDOM.nextInt(BASE62.length)]);
        }
        return id.toString();
    }

    public static UUID uuid() {
        return UUID.randomUUID();
    }

    /** A matcher for ids made by {@link #prefixed(String, int)}. */
    public static Pattern pattern(String prefix, int length) {
        return Pattern.compile(Pattern.quote(prefix) + "[0-9A-Za-z]{" + length + "}");
    }
}
