package io.patchbay.oauth.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The small condition language of templates ({@code visibility_expression}, rule conditions):
 * comparisons {@code name == 'value'} / {@code name != 'value'} joined by {@code &&} (binds tighter) and {@code ||}.
 * Names are option or field names; an absent name compares as the empty string.
 */
public final class Expression {
    private static final Pattern COMPARISON = Pattern.compile("\\s*([a-z_][a-z0-9_]*)\\s*(==|!=)\\s*'([^']*)'\\s*");

    private record Comparison(String name, boolean equals, String value) {
    }

    private final String source;
    private final List<List<Comparison>> anyOfAll;

    private Expression(String source, List<List<Comparison>> anyOfAll) {
        this.source = source;
        this.anyOfAll = anyOfAll;
    }

    /** @throws IllegalArgumentException when the text is not an expression */
    public static Expression parse(String source) {
        List<List<Comparison>> any = new ArrayList<>();
        for (String alternative : source.split("\\|\\|")) {
            List<Comparison> all = new ArrayList<>();
            for (String term : alternative.split("&&")) {
                Matcher m = COMPARISON.matcher(term);
                if (!m.matches()) {
                    throw new IllegalArgumentException("not a comparison: '" + term.trim() + "' in '" + source + "'");
                }
                all.add(new Comparison(m.group(1), m.group(2).equals("=="), m.group(3)));
            }
            any.add(List.copyOf(all));
        }
        return new Expression(source.trim(), List.copyOf(any));
    }

    public boolean test(Map<String, String> values) {
        return anyOfAll.stream().anyMatch(all -> all.stream().allMatch(c -> c.equals() == c.value().equals(values.getOrDefault(c.name(), ""))));
    }

    public List<String> names() {
        return anyOfAll.stream().flatMap(List::stream).map(Comparison::name).distinct().toList();
    }

    @Override
    public String toString() {
        return source;
    }
}
