package io.patchbay.kernel.infra.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.patchbay.kernel.error.FieldError;
import io.patchbay.kernel.error.Problems;
import io.patchbay.kernel.infra.auth.AuthenticationFilter;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Text PostgreSQL's {@code text} and {@code json} columns cannot store is refused where requests are read, once for every
 * service and before anything reaches a use case: a NUL character (U+0000) or an unpaired UTF-16 surrogate (a JSON
 * {@code "\ud800"} escape, or the same code point sent as raw bytes) in a JSON body (names and values, at any depth), an
 * {@code application/x-www-form-urlencoded} body or a query parameter is a 400 naming each field at fault. Bodies that do
 * not parse are left to the controller, which says what is wrong with them.
 * <p>
 * Runs after authentication, so that bodies of callers without a valid token are not read at all.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Order(StorableTextFilter.ORDER)
public class StorableTextFilter {
    public static final int ORDER = AuthenticationFilter.ORDER + 10;
    static final String NUL = "contains a NUL (\\u0000) character, which cannot be stored";
    static final String SURROGATE = "contains an unpaired UTF-16 surrogate (such as \\ud800), which is not a Unicode character and cannot be stored";
    private static final int MAX_ERRORS = 20;

    private final JsonMapper json;

    public StorableTextFilter(JsonMapper json) {
        this.json = json;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> check(HttpRequest<?> request, @Nullable @Body byte[] body) {
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, List<String>> parameter : request.getParameters().asMap().entrySet()) {
            check(parameter.getKey(), parameter.getKey(), errors);
            for (String value : parameter.getValue()) {
                check(parameter.getKey(), value, errors);
            }
        }
        if (body != null && body.length > 0) {
            MediaType type = request.getContentType().orElse(null);
            if (type == null || "json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json")) {
                JsonNode node = parse(body);
                if (node != null) {
                    walk(node, "", errors);
                }
            } else if (type.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
                form(new String(body, StandardCharsets.UTF_8), errors);
            }
        }
        if (errors.isEmpty()) {
            return null;
        }
        return ProblemResponses.of(Problems.validation(errors.size() > MAX_ERRORS ? errors.subList(0, MAX_ERRORS) : errors));
    }

    /** What is wrong with {@code text} for PostgreSQL, or null when it can be stored. */
    @Nullable
    public static String unstorable(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return NUL;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return SURROGATE;
                }
            } else if (Character.isLowSurrogate(c)) {
                return SURROGATE;
            }
        }
        return null;
    }

    @Nullable
    private JsonNode parse(byte[] body) {
        try {
            return json.readValue(body, JsonNode.class);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void walk(JsonNode node, String path, List<FieldError> errors) {
        if (node == null || errors.size() > MAX_ERRORS) {
            return;
        }
        if (node.isString()) {
            check(path.isEmpty() ? "body" : path, node.getStringValue(), errors);
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> entry : node.entries()) {
                String field = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
                String keyProblem = unstorable(entry.getKey());
                if (keyProblem != null) {
                    errors.add(new FieldError(path.isEmpty() ? "body" : path, "a field name " + keyProblem));
                    continue;
                }
                walk(entry.getValue(), field, errors);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", errors);
            }
        }
    }

    private static void form(String body, List<FieldError> errors) {
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                check(name, name, errors);
                if (eq >= 0) {
                    check(name, URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8), errors);
                }
            } catch (IllegalArgumentException e) {
                // malformed %-escapes: the controller's form reader says so
            }
        }
    }

    private static void check(String field, String text, List<FieldError> errors) {
        String problem = unstorable(text);
        if (problem != null) {
            String name = unstorable(field) == null ? field : "request";
            if (errors.stream().noneMatch(e -> e.field().equals(name))) {
                errors.add(new FieldError(name, problem));
            }
        }
    }
}
