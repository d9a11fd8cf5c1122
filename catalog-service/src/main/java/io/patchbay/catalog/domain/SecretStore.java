package io.patchbay.catalog.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a connector finds the credentials: exactly one store. {@code apono} holds the parameters themselves (their
 * values sealed by the application with the SecretBox before they get here); the others are references.
 */
public record SecretStore(Kind kind, Map<String, String> fields) {
    public static final String MASK = "********";

    /** The kinds of store, each with the fields of its reference (apono: its parameters). */
    public enum Kind {
        AWS(List.of("region", "secret_id")),
        GCP(List.of("project", "secret_id")),
        KUBERNETES(List.of("namespace", "name")),
        AZURE(List.of("vault_url", "name")),
        HASHICORP_VAULT(List.of("secret_engine", "path")),
        APONO(List.of("parameters"));

        private final List<String> fields;

        Kind(List<String> fields) {
            this.fields = fields;
        }

        /** How messages and the audit trail name the store: {@code aws}, {@code hashicorp_vault}, … */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        public List<String> fields() {
            return fields;
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
        StringBuilder s = new StringBuilder(kind.label()).append(" (");
        boolean first = true;
        for (String f : kind.fields()) {
            s.append(first ? "" : ", ").append(f).append('=').append(fields.get(f));
            first = false;
        }
        return s.append(')').toString();
    }
}
