package io.patchbay.oauth.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An identity provider's recipe, shipped as data (one file per template): the options and fields an integration's
 * {@code config} may hold, which of them are secret, their validation and visibility, cross-field rules, and the
 * provider's endpoints as patterns over the config ({@code https://login.microsoftonline.com/{tenant_id}/oauth2/v2.0/token}).
 * Construction checks the template itself, so a broken file stops the service at start-up.
 */
public record Template(String id, String name, String description, List<AuthType> authTypes, List<TemplateOption> options,
                       List<TemplateField> fields, Map<String, String> endpoints, List<TemplateRule> rules) {
    /** The option that chooses the integration's auth type when a template supports several. */
    public static final String AUTH_TYPE_OPTION = "auth_type";
    public static final String AUTHORIZATION_ENDPOINT = "authorization_endpoint";
    public static final String TOKEN_ENDPOINT = "token_endpoint";
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_][a-z0-9_]*)}");

    public Template {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("template id '" + id + "' is not a key");
        }
        authTypes = List.copyOf(authTypes);
        options = List.copyOf(options);
        fields = List.copyOf(fields);
        endpoints = Map.copyOf(endpoints);
        rules = List.copyOf(rules);
        if (authTypes.isEmpty()) {
            throw new IllegalArgumentException(id + ": no auth_types");
        }
        Set<String> names = new HashSet<>();
        options.forEach(o -> unique(id, names, o.name()));
        fields.forEach(f -> unique(id, names, f.name()));
        if (authTypes.size() > 1) {
            TemplateOption choice = options.stream().filter(o -> o.name().equals(AUTH_TYPE_OPTION)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(id + ": several auth_types need an auth_type option"));
            if (choice.values().size() != authTypes.size()) {
                throw new IllegalArgumentException(id + ": the auth_type option must offer one value for each of " + authTypes);
            }
        }
        for (TemplateField f : fields) {
            if (f.validation() != null) {
                f.pattern();
            }
            if (f.visibilityExpression() != null) {
                knownNames(id, names, Expression.parse(f.visibilityExpression()).names());
            }
        }
        for (TemplateRule r : rules) {
            knownNames(id, names, List.of(r.field()));
            if (r.when() != null) {
                knownNames(id, names, Expression.parse(r.when()).names());
            }
            if (r.expression() != null) {
                knownNames(id, names, Expression.parse(r.expression()).names());
            }
        }
        for (String endpoint : List.of(AUTHORIZATION_ENDPOINT, TOKEN_ENDPOINT)) {
            if (!endpoints.containsKey(endpoint)) {
                throw new IllegalArgumentException(id + ": no " + endpoint);
            }
        }
        for (String pattern : endpoints.values()) {
            Matcher m = PLACEHOLDER.matcher(pattern);
            while (m.find()) {
                String ref = m.group(1);
                TemplateField f = fields.stream().filter(x -> x.name().equals(ref)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException(id + ": endpoint " + pattern + " refers to unknown field " + ref));
                if (f.secret()) {
                    throw new IllegalArgumentException(id + ": endpoint " + pattern + " refers to secret field " + ref);
                }
            }
        }
    }

    private static void unique(String id, Set<String> names, String name) {
        if (!names.add(name)) {
            throw new IllegalArgumentException(id + ": setting " + name + " is declared twice");
        }
    }

    private static void knownNames(String id, Set<String> names, List<String> used) {
        for (String n : used) {
            if (!names.contains(n)) {
                throw new IllegalArgumentException(id + ": refers to unknown setting " + n);
            }
        }
    }

    public Optional<TemplateOption> option(String name) {
        return options.stream().filter(o -> o.name().equals(name)).findFirst();
    }

    public Optional<TemplateField> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public List<String> settingNames() {
        return java.util.stream.Stream.concat(options.stream().map(TemplateOption::name), fields.stream().map(TemplateField::name)).toList();
    }

    /**
     * The integration's auth type: when the template offers several, the one at the position of the {@code auth_type}
     * option's value among the option's values (the option offers one value per auth type, in the same order); else its
     * only one.
     */
    public AuthType authTypeFor(Map<String, String> config) {
        if (authTypes.size() == 1) {
            return authTypes.getFirst();
        }
        String value = config.get(AUTH_TYPE_OPTION);
        int chosen = value == null ? -1 : option(AUTH_TYPE_OPTION).orElseThrow().values().indexOf(value);
        return chosen < 0 ? authTypes.getFirst() : authTypes.get(chosen);
    }

    /** A provider endpoint with the config's values filled in (the token and authorization URLs of the token flows). */
    public Optional<String> endpoint(String endpoint, Map<String, String> config) {
        String pattern = endpoints.get(endpoint);
        if (pattern == null) {
            return Optional.empty();
        }
        Matcher m = PLACEHOLDER.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = config.get(m.group(1));
            if (value == null) {
                return Optional.empty();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return Optional.of(out.toString());
    }
}
