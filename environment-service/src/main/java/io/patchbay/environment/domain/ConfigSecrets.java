package io.patchbay.environment.domain;

import io.patchbay.kernel.error.DomainException;
import io.patchbay.kernel.secret.SecretBox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Secret values inside configs: values under {@code credentials} whose key is {@code secret}, {@code client_secret},
 * {@code password}, {@code api_key}, {@code private_key} or {@code token} (at any depth) are stored sealed and shown as
 * {@code "********"}; writing {@code "********"} back at the same path keeps the stored value.
 */
public final class ConfigSecrets {
    public static final String MASK = "********";
    public static final Set<String> SECRET_KEYS = Set.of("secret", "client_secret", "password", "api_key", "private_key", "token");
    private static final String CREDENTIALS = "credentials";

    private ConfigSecrets() {
    }

    /**
     * {@code incoming} with its secret values sealed; masked values take the sealed value stored at the same path of
     * {@code stored} (400 naming the field when there is none).
     */
    public static Map<String, Object> seal(Map<String, Object> incoming, Map<String, Object> stored, SecretBox box, String field) {
        Map<String, Object> out = Configs.copy(incoming);
        if (out.get(CREDENTIALS) != null) {
            out.put(CREDENTIALS, sealTree(out.get(CREDENTIALS), stored == null ? null : stored.get(CREDENTIALS), box,
                    field + "." + CREDENTIALS));
        }
        return out;
    }

    private static Object sealTree(Object value, Object stored, SecretBox box, String path) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            Map<?, ?> storedMap = stored instanceof Map<?, ?> s ? s : Map.of();
            for (Map.Entry<String, Object> e : Configs.cast(map).entrySet()) {
                String key = e.getKey();
                Object v = e.getValue();
                String p = path + "." + key;
                if (SECRET_KEYS.contains(key) && v != null) {
                    if (!(v instanceof String plain)) {
                        throw new DomainException.InvalidValue(p, "is a secret and must be a string");
                    }
                    if (plain.equals(MASK)) {
                        if (!(storedMap.get(key) instanceof String sealed)) {
                            throw new DomainException.InvalidValue(p, "is masked (\"********\") but no secret is stored at this path; send the value");
                        }
                        out.put(key, sealed);
                    } else {
                        out.put(key, box.seal(plain));
                    }
                } else {
                    out.put(key, sealTree(v, storedMap.get(key), box, p));
                }
            }
            return out;
        }
        if (value instanceof List<?> list) {
            List<?> storedList = stored instanceof List<?> s ? s : List.of();
            List<Object> out = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                out.add(sealTree(list.get(i), i < storedList.size() ? storedList.get(i) : null, box, path + "[" + i + "]"));
            }
            return out;
        }
        return value;
    }

    /** {@code config} with every secret value replaced by {@code "********"}. */
    public static Map<String, Object> mask(Map<String, Object> config) {
        Map<String, Object> out = Configs.copy(config);
        if (out.get(CREDENTIALS) != null) {
            out.put(CREDENTIALS, maskTree(out.get(CREDENTIALS)));
        }
        return out;
    }

    private static Object maskTree(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            Configs.cast(map).forEach((k, v) -> out.put(k, SECRET_KEYS.contains(k) && v instanceof String ? MASK : maskTree(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ConfigSecrets::maskTree).toList();
        }
        return value;
    }
}
