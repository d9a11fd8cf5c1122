package io.patchbay.test;

import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service's OpenAPI document as the build generated it ({@code META-INF/swagger/<service>.yml} on the test
 * classpath), walked by key; a missing step fails the test naming the path walked.
 */
public final class OpenApiDocument {
    private static final String SCHEMA_REF = "#/components/schemas/";
    private final Map<String, Object> root;

    private OpenApiDocument(Map<String, Object> root) {
        this.root = root;
    }

    public static OpenApiDocument of(String service) {
        String resource = "META-INF/swagger/" + service + ".yml";
        try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as("the generated %s on the classpath", resource).isNotNull();
            return new OpenApiDocument(new Yaml().load(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The object at {@code keys} below the document's root. */
    public Map<String, Object> at(String... keys) {
        return at(root, keys);
    }

    /** The object at {@code keys} below {@code node}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> at(Map<String, Object> node, String... keys) {
        Object current = node;
        for (String key : keys) {
            assertThat(current).as("%s in the OpenAPI document", String.join(" > ", keys)).isInstanceOf(Map.class);
            current = ((Map<String, Object>) current).get(key);
        }
        assertThat(current).as("%s in the OpenAPI document", String.join(" > ", keys)).isInstanceOf(Map.class);
        return (Map<String, Object>) current;
    }

    /** The JSON schema of the operation's request body. */
    public Map<String, Object> body(String method, String path) {
        return at("paths", path, method, "requestBody", "content", "application/json", "schema");
    }

    /** The name of the component schema the operation's request body refers to. */
    public String bodySchema(String method, String path) {
        Object ref = body(method, path).get("$ref");
        assertThat(ref).as("%s %s: the body refers to a component schema", method, path).isInstanceOf(String.class);
        assertThat((String) ref).startsWith(SCHEMA_REF);
        return ((String) ref).substring(SCHEMA_REF.length());
    }

    public Map<String, Object> schema(String name) {
        return at("components", "schemas", name);
    }

    /** The schema's {@code required} fields, empty when it lists none. */
    @SuppressWarnings("unchecked")
    public List<String> required(String schema) {
        return (List<String>) schema(schema).getOrDefault("required", List.of());
    }

    public Map<String, Object> properties(String schema) {
        return at(schema(schema), "properties");
    }
}
