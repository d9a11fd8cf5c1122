package io.patchbay.oauth.adapter.in.web;

import io.patchbay.kernel.error.Problems;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** An {@code application/x-www-form-urlencoded} body read parameter by parameter: unknown, repeated or malformed ones are a 400 naming them. */
final class FormBody {
    private final Map<String, String> values;

    private FormBody(Map<String, String> values) {
        this.values = values;
    }

    static FormBody parse(String body, Set<String> allowed) {
        Map<String, String> values = new LinkedHashMap<>();
        if (body == null || body.isBlank()) {
            return new FormBody(values);
        }
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name;
            String value;
            try {
                name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw Problems.validation("body", "is not valid application/x-www-form-urlencoded");
            }
            if (!allowed.contains(name)) {
                throw Problems.validation(name.length() > 64 ? name.substring(0, 64) : name, "is not a parameter of this request (known: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
            if (values.put(name, value) != null) {
                throw Problems.validation(name, "must be given once");
            }
        }
        return new FormBody(values);
    }

    Optional<String> optional(String name) {
        return Optional.ofNullable(values.get(name)).filter(v -> !v.isBlank());
    }

    String required(String name) {
        return optional(name).orElseThrow(() -> Problems.validation(name, "is required"));
    }
}
