package io.patchbay.oauth.domain;

import java.util.Map;
import java.util.Set;

/**
 * A config that passed its template: the non-secret settings to store and return ({@code config}), the secret values
 * given in this request ({@code newSecrets}, to be sealed), the stored secrets that no longer apply ({@code removedSecrets})
 * and the resulting auth type.
 */
public record ValidatedConfig(Map<String, String> config, Map<String, String> newSecrets, Set<String> removedSecrets, AuthType authType) {
    public ValidatedConfig {
        config = Map.copyOf(config);
        newSecrets = Map.copyOf(newSecrets);
        removedSecrets = Set.copyOf(removedSecrets);
    }

    /** Never prints secret values. */
    @Override
    public String toString() {
        return "ValidatedConfig[config=" + config + ", newSecrets=" + newSecrets.keySet() + ", removedSecrets=" + removedSecrets
                + ", authType=" + authType + "]";
    }
}
