package io.patchbay.catalog.adapter.in.web;

import io.patchbay.catalog.domain.IntegrationSpec;
import io.patchbay.catalog.domain.Owner;
import io.patchbay.catalog.domain.OwnerMapping;
import io.patchbay.catalog.domain.SecretStore;
import io.patchbay.kernel.error.Problems;
import io.patchbay.kernel.id.ConfigurationId;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * v4 ({@code CreateIntegrationV4} / {@code UpdateIntegrationV4}) and v2 ({@code CreateIntegration} / {@code UpdateIntegration})
 * request records as the use cases' {@link IntegrationSpec}: what the records' shape and constraints cannot say (exactly one
 * secret store; which fields a v2 store type takes; the configuration id, checked once here) is checked here, naming the
 * wire field.
 */
final class IntegrationBodies {
    static final String REQUIRED = "is required";
    private static final String CONFIGURATION_ID = "configuration_id";

    private IntegrationBodies() {
    }

    /** {@code linkGiven}: the body names {@code configuration_id} at all (left out of a replace, the link is kept). */
    static IntegrationSpec v4(IntegrationV4Body body, boolean linkGiven) {
        return new IntegrationSpec(body.name(), body.type(), body.connectorId(), body.integrationConfig(), secretStore(body.secretStoreConfig()),
                body.connectedResourceTypes(), body.customAccessDetails(), owner(body.owner()), mapping(body.ownersMapping()), linkGiven,
                configurationId(body.configurationId()));
    }

    static IntegrationSpec v2(IntegrationV2Body body, boolean linkGiven) {
        return new IntegrationSpec(body.name(), body.type(), body.provisionerId(), body.metadata(), secretStore(body.secretConfig()),
                body.connectedResourceTypes(), body.customAccessDetails(), null, null, linkGiven, configurationId(body.configurationId()));
    }

    /** The one check of a configuration id's shape: from here on it is a {@link ConfigurationId}. */
    private static ConfigurationId configurationId(String value) {
        return value == null ? null : ConfigurationId.parse(value, CONFIGURATION_ID);
    }

    private static SecretStore secretStore(SecretStoreConfigRequest config) {
        if (config == null) {
            return null;
        }
        String field = "secret_store_config";
        List<SecretStore> stores = new ArrayList<>();
        Optional.ofNullable(config.aws()).ifPresent(s -> stores.add(reference(SecretStore.Kind.AWS, s.region(), s.secretId())));
        Optional.ofNullable(config.gcp()).ifPresent(s -> stores.add(reference(SecretStore.Kind.GCP, s.project(), s.secretId())));
        Optional.ofNullable(config.kubernetes()).ifPresent(s -> stores.add(reference(SecretStore.Kind.KUBERNETES, s.namespace(), s.name())));
        Optional.ofNullable(config.azure()).ifPresent(s -> stores.add(reference(SecretStore.Kind.AZURE, s.vaultUrl(), s.name())));
        Optional.ofNullable(config.hashicorpVault()).ifPresent(s -> stores.add(reference(SecretStore.Kind.HASHICORP_VAULT, s.secretEngine(),
                s.path())));
        Optional.ofNullable(config.apono()).ifPresent(s -> stores.add(new SecretStore(SecretStore.Kind.APONO, s.parameters())));
        if (stores.size() > 1) {
            throw Problems.validation(field, "must have exactly one secret store, has " + SecretStoreNames.v4Key(stores.get(0).kind()) + " and "
                    + SecretStoreNames.v4Key(stores.get(1).kind()));
        }
        if (stores.isEmpty()) {
            throw Problems.validation(field, "must have exactly one of aws, gcp, kubernetes, azure, hashicorp_vault, apono");
        }
        return stores.getFirst();
    }

    /** A reference store: its fields in the order {@link SecretStore.Kind#fields()} names them. */
    private static SecretStore reference(SecretStore.Kind kind, String... values) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            fields.put(kind.fields().get(i), values[i]);
        }
        return new SecretStore(kind, fields);
    }

    /** v2's flat {@code secret_config}: {@code type} and the fields of that type (and our APONO + parameters). */
    private static SecretStore secretStore(SecretConfigV2Request config) {
        if (config == null) {
            return null;
        }
        String field = "secret_config";
        SecretStore.Kind kind = SecretStoreNames.ofV2Type(config.type()).orElseThrow(() -> Problems.validation(field + ".type",
                "must be one of AWS, GCP, AZURE, KUBERNETES, HASHICORP_VAULT, APONO, was '" + config.type() + "'"));
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("region", config.region());
        given.put("secret_id", config.secretId());
        given.put("project", config.project());
        given.put("namespace", config.namespace());
        given.put("name", config.name());
        given.put("vault_url", config.vaultUrl());
        given.put("secret_engine", config.secretEngine());
        given.put("path", config.path());
        given.put("parameters", config.parameters());
        List<String> known = new ArrayList<>(kind.fields());
        known.add("type");
        for (var entry : given.entrySet()) {
            if (entry.getValue() != null && !kind.fields().contains(entry.getKey())) {
                throw Problems.validation(field + "." + entry.getKey(), "is not a known field (known: " + String.join(", ", known) + ")");
            }
        }
        if (kind == SecretStore.Kind.APONO) {
            if (config.parameters() == null) {
                throw Problems.validation(field + ".parameters", REQUIRED);
            }
            return new SecretStore(kind, config.parameters());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String f : kind.fields()) {
            Object value = given.get(f);
            if (!(value instanceof String s) || s.isBlank()) {
                throw Problems.validation(field + "." + f, REQUIRED);
            }
            fields.put(f, s);
        }
        return new SecretStore(kind, fields);
    }

    private static Owner owner(OwnerRequest owner) {
        return owner == null ? null : new Owner(owner.attributeType(), owner.attributeValue(), null, owner.sourceIntegrationReference());
    }

    private static OwnerMapping mapping(OwnersMappingRequest mapping) {
        return mapping == null ? null : new OwnerMapping(mapping.keyName(), mapping.attributeType(), null, mapping.sourceIntegrationReference());
    }
}
