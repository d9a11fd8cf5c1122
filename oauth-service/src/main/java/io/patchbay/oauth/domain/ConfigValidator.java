package io.patchbay.oauth.domain;

import io.patchbay.kernel.error.DomainException;
import io.patchbay.kernel.error.DomainException.Violation;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a config against its template — on create (nothing stored) and on a partial PATCH (given keys replace, {@code null}
 * removes, the result is checked as a whole). Every bad key gets one error entry, {@code config.<key>}; a message never
 * contains the value. Fields hidden by the chosen options are refused when sent and dropped when only stored.
 */
public final class ConfigValidator {
    /** PostgreSQL text and jsonb cannot hold U+0000: such a value is bad input, not a database error. */
    public static final String NO_NUL = "must not contain NUL (\\u0000) characters";

    private ConfigValidator() {
    }

    public static ValidatedConfig validate(Template template, Map<String, String> stored, Set<String> storedSecrets,
                                           Map<String, Object> changes) {
        Map<String, Violation> errors = new LinkedHashMap<>();
        Map<String, String> values = new LinkedHashMap<>(stored);
        Set<String> secrets = new HashSet<>(storedSecrets);
        Map<String, String> newSecrets = new LinkedHashMap<>();
        Set<String> sent = new HashSet<>();

        for (Map.Entry<String, Object> change : changes.entrySet()) {
            String key = change.getKey();
            Object input = change.getValue();
            var option = template.option(key);
            var field = template.field(key);
            if (option.isEmpty() && field.isEmpty()) {
                error(errors, key, "is not a setting of the " + template.id() + " template (known: "
                        + String.join(", ", template.settingNames()) + ")");
                continue;
            }
            if (input == null) {
                values.remove(key);
                secrets.remove(key);
                continue;
            }
            if (option.isPresent()) {
                String accepted = option.get().accept(input);
                if (accepted == null) {
                    error(errors, key, option.get().expectation());
                } else {
                    values.put(key, accepted);
                }
                continue;
            }
            if (!(input instanceof String text)) {
                error(errors, key, "must be a string");
                continue;
            }
            if (text.indexOf('\0') >= 0) {
                error(errors, key, NO_NUL);
                continue;
            }
            sent.add(key);
            if (field.get().secret()) {
                newSecrets.put(key, text);
                secrets.add(key);
            } else {
                values.put(key, text);
            }
        }

        template.options().forEach(o -> values.putIfAbsent(o.name(), o.defaultValue()));
        Map<String, String> context = new HashMap<>(values);
        for (TemplateField field : template.fields()) {
            String key = field.name();
            if (errors.containsKey(key)) {
                continue;
            }
            if (!field.visibleIn(context)) {
                if (sent.contains(key)) {
                    error(errors, key, "does not apply when " + field.visibilityExpression() + " is false");
                }
                drop(key, values, secrets, newSecrets);
                continue;
            }
            boolean present = field.secret() ? secrets.contains(key) : values.containsKey(key);
            String value = field.secret() ? newSecrets.get(key) : values.get(key);
            if (!present || (value != null && value.isBlank())) {
                drop(key, values, secrets, newSecrets);
                if (field.required()) {
                    error(errors, key, "is required" + (field.visibilityExpression() == null ? "" : " when " + field.visibilityExpression()));
                }
                continue;
            }
            if (value != null && field.validation() != null && !field.pattern().matcher(value).matches()) {
                error(errors, key, field.violation());
            }
        }
        for (TemplateRule rule : template.rules()) {
            if (!errors.containsKey(rule.field())) {
                rule.check(values).ifPresent(message -> error(errors, rule.field(), message));
            }
        }
        if (!errors.isEmpty()) {
            throw new DomainException.InvalidValue(List.copyOf(errors.values()));
        }
        Set<String> removed = new HashSet<>(storedSecrets);
        removed.removeAll(secrets);
        return new ValidatedConfig(values, newSecrets, removed, template.authTypeFor(values));
    }

    private static void drop(String key, Map<String, String> values, Set<String> secrets, Map<String, String> newSecrets) {
        values.remove(key);
        secrets.remove(key);
        newSecrets.remove(key);
    }

    private static void error(Map<String, Violation> errors, String key, String message) {
        errors.putIfAbsent(key, new Violation("config." + key, message));
    }
}
