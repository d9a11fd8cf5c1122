package io.patchbay.catalog.domain;

/** The names a wire version gives the fields, so every 400 names the field the client sent (v4 vs v2 legacy). */
public record WireFields(String config, String secret, String connector) {
    public static final WireFields V4 = new WireFields("integration_config", "secret_store_config", "connector_id");
    public static final WireFields V2 = new WireFields("metadata", "secret_config", "provisioner_id");
}
