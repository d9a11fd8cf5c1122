package io.patchbay.oauth.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A rule across settings that a regex cannot state, applied when {@code when} holds (always when null):
 * <ul>
 *   <li>{@code exclusive_scope}: the scope {@code value} (or {@code <resource>/value}) cannot be combined with other scopes in {@code field};</li>
 *   <li>{@code required_scope}: the space-separated {@code field} must contain the scope {@code value};</li>
 *   <li>{@code assert}: {@code expression} must hold, else {@code field} is reported with {@code message}.</li>
 * </ul>
 */
public record TemplateRule(Kind kind, String field, String value, String when, String expression, String message) {
    public enum Kind {
        EXCLUSIVE_SCOPE, REQUIRED_SCOPE, ASSERT
    }

    public TemplateRule {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(field, "field");
        if (kind == Kind.ASSERT && expression == null) {
            throw new IllegalArgumentException("an assert rule on " + field + " needs an expression");
        }
        if (kind != Kind.ASSERT && value == null) {
            throw new IllegalArgumentException("a scope rule on " + field + " needs a value");
        }
        if (when != null) {
            Expression.parse(when);
        }
        if (expression != null) {
            Expression.parse(expression);
        }
    }

    /** The violation message, if the rule does not hold for these values. */
    public Optional<String> check(Map<String, String> values) {
        if (when != null && !Expression.parse(when).test(values)) {
            return Optional.empty();
        }
        List<String> scopes = Arrays.stream(values.getOrDefault(field, "").trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
        boolean holds = switch (kind) {
            case EXCLUSIVE_SCOPE -> scopes.stream().noneMatch(this::isValue) || scopes.size() == 1;
            case REQUIRED_SCOPE -> scopes.stream().anyMatch(this::isValue);
            case ASSERT -> Expression.parse(expression).test(values);
        };
        if (holds) {
            return Optional.empty();
        }
        return Optional.of(message != null ? message : switch (kind) {
            case EXCLUSIVE_SCOPE -> "the scope " + value + " cannot be combined with other scopes";
            case REQUIRED_SCOPE -> "must include the scope " + value + (when == null ? "" : " when " + when);
            case ASSERT -> "must satisfy " + expression + (when == null ? "" : " when " + when);
        });
    }

    private boolean isValue(String scope) {
        return scope.equals(value) || scope.endsWith("/" + value);
    }
}
