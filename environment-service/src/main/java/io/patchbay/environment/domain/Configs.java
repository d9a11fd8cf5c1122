package io.patchbay.environment.domain;

import io.patchbay.kernel.error.DomainException;
import io.patchbay.kernel.error.DomainException.Violation;
import io.patchbay.kernel.error.Texts;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Integration configs as JSON trees ({@code Map<String,Object>}, {@code List<Object>}, strings, numbers, booleans, nulls):
 * validation, the override deep merge, RFC 7396 merge patches and the size limit.
 */
public final class Configs {
    public static final List<String> KNOWN_KEYS = List.of("base_url", "label", "logo", "icon", "headers", "query", "query_array_format",
            "credentials", "authorization", "pagination", "rate_limit", "resources", "webhook", "error_expression", "actions");
    public static final Set<String> QUERY_ARRAY_FORMATS = Set.of("comma", "brackets", "indices", "repeat");
    public static final Set<String> AUTHORIZATION_FORMATS = Set.of("bearer", "header", "basic");
    public static final Set<String> PAGINATION_FORMATS = Set.of("page", "cursor", "link_header", "offset", "range", "dynamic");
    public static final Set<String> HTTP_METHODS = Set.of("get", "post", "put", "patch", "delete");
    public static final int MAX_BYTES = 256 * 1024;

    /** A complete config (an integration's base config, or the effective config) or an override (partial; nulls delete). */
    public enum Kind { CONFIG, OVERRIDE }

    private Configs() {
    }

    /** 400 naming {@code field} when a config written as compact JSON takes more than 256 KiB. */
    public static void checkSize(long bytes, String field) {
        if (bytes > MAX_BYTES) {
            throw new DomainException.InvalidValue(field, "is " + bytes + " bytes as JSON; a config is at most " + MAX_BYTES + " bytes (256 KiB)");
        }
    }

    /** 400 naming every bad field under {@code field} (e.g. {@code override.base_url}). The size is checked by {@link #checkSize}. */
    public static void validate(Map<String, Object> config, String field, Kind kind) {
        List<Violation> errors = new ArrayList<>();
        for (Map.Entry<String, Object> e : config.entrySet()) {
            String key = e.getKey();
            String path = field + "." + key;
            Object value = e.getValue();
            if (!KNOWN_KEYS.contains(key)) {
                errors.add(new Violation(path, "is not a known config key (known: " + String.join(", ", KNOWN_KEYS) + ")"));
                continue;
            }
            if (value == null) {
                continue;
            }
            switch (key) {
                case "base_url" -> checkUrl(value, path, errors);
                case "label", "logo", "icon" -> checkString(value, path, errors);
                case "headers", "query" -> checkStringMap(value, path, kind, errors);
                case "query_array_format" -> checkEnum(value, path, QUERY_ARRAY_FORMATS, errors);
                case "authorization" -> checkFormatted(value, path, AUTHORIZATION_FORMATS, errors);
                case "pagination" -> checkFormatted(value, path, PAGINATION_FORMATS, errors);
                case "resources" -> checkResources(value, path, kind, errors);
                case "credentials", "rate_limit", "webhook", "actions" -> checkObject(value, path, errors);
                default -> {
                    // error_expression: kept verbatim
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new DomainException.InvalidValue(errors);
        }
    }

    private static void checkUrl(Object value, String path, List<Violation> errors) {
        if (!(value instanceof String s)) {
            errors.add(new Violation(path, "must be a string"));
            return;
        }
        // placeholders such as {{context.subdomain}} are kept verbatim; they stand for one host or path segment
        String probe = s.replaceAll("\\{\\{[^{}]*}}", "x");
        try {
            URI uri = new URI(probe);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                errors.add(new Violation(path, "must be an absolute http(s) URL, was '" + Texts.truncate(s) + "'"));
            }
        } catch (URISyntaxException e) {
            errors.add(new Violation(path, "must be an absolute http(s) URL, was '" + Texts.truncate(s) + "'"));
        }
    }

    private static void checkString(Object value, String path, List<Violation> errors) {
        if (!(value instanceof String)) {
            errors.add(new Violation(path, "must be a string"));
        }
    }

    private static boolean checkObject(Object value, String path, List<Violation> errors) {
        if (!(value instanceof Map)) {
            errors.add(new Violation(path, "must be an object"));
            return false;
        }
        return true;
    }

    private static void checkStringMap(Object value, String path, Kind kind, List<Violation> errors) {
        if (!checkObject(value, path, errors)) {
            return;
        }
        for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
            Object v = e.getValue();
            if (v == null && kind == Kind.OVERRIDE) {
                continue;
            }
            if (!(v instanceof String)) {
                errors.add(new Violation(path + "." + e.getKey(), "must be a string"));
            }
        }
    }

    private static void checkEnum(Object value, String path, Set<String> allowed, List<Violation> errors) {
        if (!(value instanceof String s) || !allowed.contains(s)) {
            errors.add(new Violation(path, "must be one of " + String.join(", ", allowed.stream().sorted().toList()) + ", was "
                    + (value instanceof String s ? "'" + Texts.truncate(s) + "'" : describe(value))));
        }
    }

    private static String describe(Object value) {
        return switch (value) {
            case null -> "null";
            case Map<?, ?> ignored -> "an object";
            case List<?> ignored -> "an array";
            case Boolean b -> b.toString();
            case Number n -> n.toString();
            default -> "a " + value.getClass().getSimpleName();
        };
    }

    private static void checkFormatted(Object value, String path, Set<String> formats, List<Violation> errors) {
        if (!checkObject(value, path, errors)) {
            return;
        }
        Object format = ((Map<?, ?>) value).get("format");
        if (format != null) {
            checkEnum(format, path + ".format", formats, errors);
        }
    }

    private static void checkResources(Object value, String path, Kind kind, List<Violation> errors) {
        if (!checkObject(value, path, errors)) {
            return;
        }
        for (Map.Entry<?, ?> resource : ((Map<?, ?>) value).entrySet()) {
            String resourcePath = path + "." + resource.getKey();
            if (resource.getValue() == null && kind == Kind.OVERRIDE) {
                continue;
            }
            if (!checkObject(resource.getValue(), resourcePath, errors)) {
                continue;
            }
            for (Map.Entry<?, ?> method : ((Map<?, ?>) resource.getValue()).entrySet()) {
                String methodPath = resourcePath + "." + method.getKey();
                if (method.getValue() == null && kind == Kind.OVERRIDE) {
                    continue;
                }
                if (!checkObject(method.getValue(), methodPath, errors)) {
                    continue;
                }
                Map<?, ?> m = (Map<?, ?>) method.getValue();
                Object httpMethod = m.get("method");
                if (httpMethod != null || kind == Kind.CONFIG) {
                    checkEnum(httpMethod, methodPath + ".method", HTTP_METHODS, errors);
                }
                Object p = m.get("path");
                if (p != null || kind == Kind.CONFIG) {
                    if (!(p instanceof String s) || !s.startsWith("/")) {
                        errors.add(new Violation(methodPath + ".path", "must be a string starting with /"));
                    }
                }
            }
        }
    }

    /**
     * The effective config: objects merge key by key recursively; arrays and scalars in the override replace the base value;
     * {@code null} in the override deletes the key. Neither argument is changed.
     */
    public static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> override) {
        Map<String, Object> result = copy(base);
        for (Map.Entry<String, Object> e : override.entrySet()) {
            Object value = e.getValue();
            if (value == null) {
                result.remove(e.getKey());
            } else if (value instanceof Map<?, ?> map) {
                Object current = result.get(e.getKey());
                result.put(e.getKey(), merge(current instanceof Map<?, ?> c ? cast(c) : Map.of(), cast(map)));
            } else {
                result.put(e.getKey(), deepCopy(value));
            }
        }
        return result;
    }

    /** RFC 7396: the patch applied to {@code target} (null removes, objects merge, anything else replaces). */
    public static Object mergePatch(Object target, Object patch) {
        if (!(patch instanceof Map<?, ?> p)) {
            return deepCopy(patch);
        }
        Map<String, Object> result = target instanceof Map<?, ?> t ? copy(cast(t)) : new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : cast(p).entrySet()) {
            if (e.getValue() == null) {
                result.remove(e.getKey());
            } else {
                result.put(e.getKey(), mergePatch(result.get(e.getKey()), e.getValue()));
            }
        }
        return result;
    }

    /** A stored override: a top-level key set to null removes that slot (the base value applies again). */
    public static Map<String, Object> withoutNullSlots(Map<String, Object> override) {
        Map<String, Object> result = new LinkedHashMap<>();
        override.forEach((k, v) -> {
            if (v != null) {
                result.put(k, deepCopy(v));
            }
        });
        return result;
    }

    public static Map<String, Object> copy(Map<String, Object> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k, deepCopy(v)));
        return out;
    }

    static Object deepCopy(Object value) {
        if (value instanceof Map<?, ?> m) {
            return copy(cast(m));
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(v -> out.add(deepCopy(v)));
            return out;
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
