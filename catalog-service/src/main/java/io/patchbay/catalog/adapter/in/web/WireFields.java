package io.patchbay.catalog.adapter.in.web;

import io.patchbay.kernel.error.DomainException;
import io.patchbay.kernel.error.DomainException.Violation;

import java.util.function.Supplier;

/**
 * An API version's names for the integration attributes the domain calls {@code config}, {@code secret_store} and
 * {@code connector}: v4 says {@code integration_config}, {@code secret_store_config}, {@code connector_id}; v2 says
 * {@code metadata}, {@code secret_config}, {@code provisioner_id}.
 */
record WireFields(String config, String secret, String connector) {
    static final WireFields V4 = new WireFields("integration_config", "secret_store_config", "connector_id");
    static final WireFields V2 = new WireFields("metadata", "secret_config", "provisioner_id");

    /** Runs a use case; the invalid values it reports are named as this version's callers know them. */
    <T> T naming(Supplier<T> call) {
        try {
            return call.get();
        } catch (DomainException.InvalidValue e) {
            throw new DomainException.InvalidValue(e.violations().stream()
                    .map(v -> new Violation(fieldOf(v.attribute()), v.reason())).toList());
        }
    }

    /** The wire field of a domain attribute path: its first segment renamed, the rest kept. */
    String fieldOf(String attribute) {
        int dot = attribute.indexOf('.');
        String head = dot < 0 ? attribute : attribute.substring(0, dot);
        String rest = dot < 0 ? "" : attribute.substring(dot);
        return switch (head) {
            case "config" -> config + rest;
            case "secret_store" -> secret + rest;
            case "connector" -> connector + rest;
            default -> attribute;
        };
    }
}
