package io.patchbay.oauth.domain;

import java.util.List;
import java.util.Objects;

/**
 * A choice a template offers ({@code auth_type}, {@code auth_mode}, …). Its value lives in the integration's
 * {@code config} like a field's, as Posit clients send it; an absent option takes its default.
 */
public record TemplateOption(String name, String label, Type type, List<String> values, String defaultValue) {
    public enum Type {
        BOOL, SELECT
    }

    public TemplateOption {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        values = type == Type.BOOL ? List.of("true", "false") : List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("option " + name + " has no values");
        }
        if (!values.contains(defaultValue)) {
            throw new IllegalArgumentException("option " + name + ": default '" + defaultValue + "' is not one of " + values);
        }
    }

    /** The config value for {@code input} (a string, or a boolean for bool options), or null when it is not allowed. */
    public String accept(Object input) {
        String value = switch (input) {
            case Boolean b when type == Type.BOOL -> b.toString();
            case String s -> s;
            default -> null;
        };
        return value != null && values.contains(value) ? value : null;
    }

    public String expectation() {
        return type == Type.BOOL ? "must be true or false" : "must be one of " + String.join(", ", values);
    }
}
