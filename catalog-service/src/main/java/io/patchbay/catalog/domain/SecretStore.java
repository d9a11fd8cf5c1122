package io.patchbay.catalog.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a connector finds the credentials: exactly one store. {@code apono} holds the parameters themselves (their
 * values sealed by the application with the SecretBox before they get here); the others are references.
 */
public record SecretStore(Kind kind, Map<String, String> fields) {
    public static final String MASK = "********";

    public enum Kind {
        AWS("aws", List.of("region", "secret_id")),
        GCP("gcp", List.of("project", "secret_id")),
        KUBERNETES("kubernetes", List.of("namespace", "name")),
        AZURE("azure", List.of("vault_url", "name")),
        HASHICORP_VAULT("hashicorp_vault", List.of("secret_engine", "path")),
        APONO("apono", List.of("parameters"));

        private final String wire;
        private final List<String> fields;

        Kind(String wire, List<String> fields) {
            this.wire = wire;
            this.fields = fields;
        }

        public String wire() {
            return wire;
        }

        /** The v2 legacy {@code secret_config.type}. */
        public String legacyType() {
            return name();
        }

        public List<String> fields() {
            return fields;
        }

        public static Optional<Kind> ofWire(String wire) {
            for (Kind k : values()) {
                if (k.wire.equals(wire)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }

        public static Optional<Kind> ofLegacy(String type) {
            for (Kind k : values()) {
                if (k.name().equalsIgnoreCase(type)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    public SecretStore {
        fields = Map.copyOf(new LinkedHashMap<>(fields));
    }

    public boolean isApono() {
        return kind == Kind.APONO;
    }

    /** What may be shown: references as they are, apono parameter values masked. */
    public Map<String, String> visibleFields() {
        if (!isApono()) {
            return fields;
        }
        Map<String, String> masked = new LinkedHashMap<>();
        fields.keySet().stream().sorted().forEach(k -> masked.put(k, MASK));
        return masked;
    }

    /** A human description of an external store, for sync details (never the apono values). */
    public String describe() {
        if (isApono()) {
            return "apono";
        }
        StringBuilder s = new StringBuilder(kind.wire()).append(" (");
        boolean first = true;
        for (String f : kind.fields()) {
            s.append(first ? "" : ", ").append(f).append('=').append(fields.get(f));
            first = false;
        }
        return s.append(')').toString();
    }
}
