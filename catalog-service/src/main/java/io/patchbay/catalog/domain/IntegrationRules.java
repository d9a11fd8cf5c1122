package io.patchbay.catalog.domain;

import io.patchbay.kernel.error.DomainException;
import io.patchbay.kernel.error.DomainException.Violation;
import io.patchbay.kernel.error.Texts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The spec's rules for an integration's writable fields; every broken rule is an invalid value naming its attribute (config, secret_store, … : the web edge names them per API version). */
public final class IntegrationRules {
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9 ._-]{1,100}");
    public static final int MAX_CUSTOM_ACCESS_DETAILS = 400;

    private IntegrationRules() {
    }

    /** Checks {@code spec} against its catalog type and returns the config with defaults filled in. */
    public static Map<String, String> check(IntegrationSpec spec, CatalogType type) {
        List<Violation> errors = new ArrayList<>();
        if (!NAME.matcher(spec.name()).matches()) {
            errors.add(new Violation("name", "must be 1 to 100 letters, digits, spaces, '-', '_' or '.'"));
        }
        if (spec.customAccessDetails() != null && spec.customAccessDetails().length() > MAX_CUSTOM_ACCESS_DETAILS) {
            errors.add(new Violation("custom_access_details", "must be at most " + MAX_CUSTOM_ACCESS_DETAILS + " characters, has "
                    + spec.customAccessDetails().length()));
        }
        Map<String, String> config = new LinkedHashMap<>();
        for (var entry : spec.config().entrySet()) {
            var param = type.param(entry.getKey());
            if (param.isEmpty()) {
                errors.add(new Violation("config" + "." + entry.getKey(), "is not a parameter of " + type.type() + " (known: "
                        + String.join(", ", type.params().stream().map(CatalogParam::id).toList()) + ")"));
            } else if (!param.get().values().isEmpty() && !param.get().values().contains(entry.getValue())) {
                errors.add(new Violation("config" + "." + entry.getKey(), "must be one of " + String.join(", ", param.get().values())
                        + ", was '" + entry.getValue() + "'"));
            } else if (!entry.getValue().isEmpty() && !param.get().accepts(entry.getValue())) {
                errors.add(new Violation("config" + "." + entry.getKey(), "must be " + param.get().patternHint() + ", was '"
                        + Texts.truncate(entry.getValue()) + "'"));
            }
        }
        for (CatalogParam p : type.params()) {
            String value = spec.config().get(p.id());
            if (value == null || value.isBlank()) {
                if (!p.defaultValue().isEmpty()) {
                    config.put(p.id(), p.defaultValue());
                } else if (!p.optional()) {
                    errors.add(new Violation("config" + "." + p.id(), "is required for " + type.type()));
                }
            } else {
                config.put(p.id(), value);
            }
        }
        if (spec.connectedResourceTypes() != null) {
            if (spec.connectedResourceTypes().isEmpty()) {
                errors.add(new Violation("connected_resource_types", "must name at least one resource type, or be left out for all"));
            }
            Set<String> seen = new HashSet<>();
            for (String rt : spec.connectedResourceTypes()) {
                if (type.resourceType(rt).isEmpty()) {
                    errors.add(new Violation("connected_resource_types", "'" + rt + "' is not a resource type of " + type.type()
                            + " (known: " + String.join(", ", type.resourceTypeIds()) + ")"));
                } else if (!seen.add(rt)) {
                    errors.add(new Violation("connected_resource_types", "'" + rt + "' is listed twice"));
                }
            }
        }
        SecretStore store = spec.secretStore();
        if (store == null) {
            if (type.requiresSecret()) {
                errors.add(new Violation("secret_store", "is required for " + type.type() + " (one of "
                        + String.join(", ", type.supportedSecretTypes()) + ")"));
            }
        } else {
            if (!type.supportedSecretTypes().contains(store.kind().name())) {
                errors.add(new Violation("secret_store", store.kind().label() + " is not supported for " + type.type()));
            }
            if (store.isApono()) {
                for (var entry : store.fields().entrySet()) {
                    if (!type.secretParams().contains(entry.getKey())) {
                        errors.add(new Violation("secret_store" + ".apono.parameters." + entry.getKey(), "is not a secret parameter of "
                                + type.type() + " (known: " + String.join(", ", type.secretParams()) + ")"));
                    }
                }
                if (type.requiresSecret()) {
                    for (String required : type.secretParams()) {
                        if (!store.fields().containsKey(required)) {
                            errors.add(new Violation("secret_store" + ".apono.parameters." + required, "is required for " + type.type()));
                        }
                    }
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new DomainException.InvalidValue(errors);
        }
        return config;
    }
}
