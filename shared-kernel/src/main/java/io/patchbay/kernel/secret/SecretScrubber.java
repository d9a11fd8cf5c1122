package io.patchbay.kernel.secret;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one rule for text built from a remote system's answer (a failed discovery, a provider's refusal): every secret value
 * of the record is replaced by {@value #REDACTED} before the text is stored, logged or returned, in every service.
 * <ul>
 *   <li>Each value is matched case-insensitively (a remote system may fold case), together with the forms a remote system
 *       may echo it in: URL-encoded, JSON-escaped and Base64.</li>
 *   <li>Values of {@value #MIN_SUBSTRING} characters or more are replaced wherever they occur, also inside longer words.
 *       Shorter values are replaced where they stand as a word of their own: inside ordinary words they are letters, not
 *       a secret, and replacing them there would leave no readable message.</li>
 *   <li>Longer values are replaced first, so a secret that contains another leaves no remainder.</li>
 * </ul>
 * Scrub before cutting a text to length, so that no part of a value survives at the cut.
 */
public final class SecretScrubber {
    public static final String REDACTED = "[redacted]";
    static final int MIN_SUBSTRING = 4;
    private static final String WORD_CHAR = "[\\p{L}\\p{N}_]";
    /** Stands for a replaced value until every value is done, so that no value is looked for inside the marker itself. */
    private static final String PLACEHOLDER = "\uE000";

    private SecretScrubber() {
    }

    /** {@code text} with every secret value (and its encodings) replaced; null stays null. */
    public static String scrub(String text, Collection<String> secrets) {
        if (text == null || text.isEmpty() || secrets == null || secrets.isEmpty()) {
            return text;
        }
        String out = text;
        for (String variant : variants(secrets)) {
            Pattern pattern = variant.length() >= MIN_SUBSTRING
                    ? Pattern.compile(Pattern.quote(variant), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                    : Pattern.compile("(?<!" + WORD_CHAR + ")" + Pattern.quote(variant) + "(?!" + WORD_CHAR + ")",
                            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            out = pattern.matcher(out).replaceAll(PLACEHOLDER);
        }
        return out.replace(PLACEHOLDER, REDACTED);
    }

    /** True when {@code text} still contains one of the values as {@link #scrub} would find it. */
    public static boolean reveals(String text, Collection<String> secrets) {
        return text != null && !text.equals(scrub(text, secrets));
    }

    /** Every value and its encodings, longest first, without blanks and duplicates. */
    static List<String> variants(Collection<String> secrets) {
        Set<String> out = new LinkedHashSet<>();
        for (String secret : secrets) {
            if (secret == null || secret.isBlank()) {
                continue;
            }
            out.add(secret);
            out.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
            out.add(URLEncoder.encode(secret, StandardCharsets.UTF_8).replace("+", "%20"));
            out.add(jsonEscaped(secret));
            if (secret.length() >= MIN_SUBSTRING) {
                out.add(Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
                out.add(Base64.getEncoder().withoutPadding().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
            }
        }
        List<String> sorted = new ArrayList<>(out);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return sorted;
    }

    private static String jsonEscaped(String value) {
        StringBuilder s = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (c < 0x20) {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.toString();
    }
}
