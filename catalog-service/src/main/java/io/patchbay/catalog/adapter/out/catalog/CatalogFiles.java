package io.patchbay.catalog.adapter.out.catalog;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.patchbay.catalog.application.port.out.CatalogSource;
import io.patchbay.catalog.domain.CatalogParam;
import io.patchbay.catalog.domain.CatalogType;
import io.patchbay.catalog.domain.ResourceTypeSpec;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads the catalog shipped as data: {@code classpath:catalog/index.txt} lists one JSON file per type. */
@Singleton
class CatalogFiles implements CatalogSource {
    private final List<CatalogType> types;

    CatalogFiles(JsonMapper json) {
        List<CatalogType> loaded = new ArrayList<>();
        for (String line : read("catalog/index.txt").split("\n")) {
            String file = line.strip();
            if (file.isEmpty() || file.startsWith("#")) {
                continue;
            }
            try {
                loaded.add(type(json.readValue(read("catalog/" + file), Argument.mapOf(String.class, Object.class))));
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("catalog/" + file + " is not a valid catalog entry: " + e.getMessage(), e);
            }
        }
        this.types = List.copyOf(loaded);
    }

    @Override
    public List<CatalogType> types() {
        return types;
    }

    @SuppressWarnings("unchecked")
    private static CatalogType type(Map<String, Object> m) {
        List<CatalogParam> params = new ArrayList<>();
        for (Map<String, Object> p : (List<Map<String, Object>>) m.get("params")) {
            String pattern = (String) p.get("pattern");
            params.add(new CatalogParam((String) p.get("id"), (String) p.get("label"), (List<String>) p.get("values"), (String) p.get("default"),
                    Boolean.TRUE.equals(p.get("optional")), pattern == null ? null : Pattern.compile(pattern), (String) p.get("pattern_hint")));
        }
        List<ResourceTypeSpec> resourceTypes = new ArrayList<>();
        for (Map<String, Object> r : (List<Map<String, Object>>) m.get("resource_types")) {
            resourceTypes.add(new ResourceTypeSpec((String) r.get("id"), (String) r.get("name"), (List<String>) r.get("permissions")));
        }
        return new CatalogType((String) m.get("type"), (String) m.get("name"), (String) m.get("description"), (String) m.get("category"), params,
                Boolean.TRUE.equals(m.get("requires_secret")), (List<String>) m.get("supported_secret_types"),
                (List<String>) m.get("secret_params"), resourceTypes);
    }

    private static String read(String path) {
        try (InputStream in = CatalogFiles.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
