package io.patchbay.oauth.domain;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A setting a template asks for. {@code secret} fields are write-only: sealed at rest, never returned. A field whose
 * {@code visibility_expression} is false does not apply (sending it is an error); {@code required} applies when it is visible.
 */
public record TemplateField(String name, String label, String description, boolean required, boolean secret, String validation,
                            String validationDescription, boolean multiline, String visibilityExpression) {
    public TemplateField {
        Objects.requireNonNull(name, "name");
    }

    public Pattern pattern() {
        return validation == null ? null : Patterns.compile(validation);
    }

    public boolean visibleIn(Map<String, String> values) {
        return visibilityExpression == null || Expression.parse(visibilityExpression).test(values);
    }

    /** Never the value itself: messages about secret (and other) values must not echo them. */
    public String violation() {
        return validationDescription != null ? validationDescription : "does not match " + validation;
    }
}
