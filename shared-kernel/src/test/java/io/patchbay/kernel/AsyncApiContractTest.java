package io.patchbay.kernel;

import io.patchbay.kernel.event.LifecycleEventType;
import io.patchbay.kernel.event.LifecycleTopic;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/asyncapi.yaml says what the code does: the topics, the four types, the CloudEvents headers, the schema files. */
class AsyncApiContractTest {
    private static final Path DOC = Path.of("..", "docs", "asyncapi.yaml");

    @SuppressWarnings("unchecked")
    private static <T> T at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            assertThat(current).as("asyncapi.yaml has %s", String.join(".", path)).isInstanceOf(Map.class);
            current = ((Map<String, Object>) current).get(key);
        }
        return (T) current;
    }

    @Test
    void theDocumentMatchesTheContractsInCode() throws IOException {
        Map<String, Object> doc = new Yaml().load(Files.readString(DOC));
        assertThat((String) at(doc, "asyncapi")).startsWith("3.");
        assertThat((String) at(doc, "channels", "lifecycle", "address")).isEqualTo(LifecycleTopic.NAME);
        assertThat((String) at(doc, "channels", "deadLetters", "address")).isEqualTo(LifecycleTopic.DEAD_LETTER);

        Map<String, Object> messages = at(doc, "components", "messages");
        for (LifecycleEventType type : LifecycleEventType.values()) {
            String key = type.name().toLowerCase();
            assertThat((String) at(messages, key, "name")).isEqualTo(type.ceType());
            String ref = at(messages, key, "payload", "schema", "$ref");
            Path schema = DOC.getParent().resolve(ref).normalize();
            assertThat(schema.getFileName().toString()).isEqualTo(type.resourceName() + ".schema.json");
            assertThat(schema).as("the payload schema file exists").exists();
            assertThat(Files.readString(schema)).isEqualTo(
                    new String(AsyncApiContractTest.class.getResourceAsStream("/events/" + type.resourceName() + ".schema.json").readAllBytes()));
        }
        List<String> required = at(doc, "components", "schemas", "cloudEventHeaders", "required");
        assertThat(required).containsExactlyInAnyOrder(LifecycleTopic.CE_SPECVERSION, LifecycleTopic.CE_ID, LifecycleTopic.CE_SOURCE,
                LifecycleTopic.CE_TYPE, LifecycleTopic.CE_SUBJECT, LifecycleTopic.CE_TIME, LifecycleTopic.CONTENT_TYPE);
        List<String> types = at(doc, "components", "schemas", "cloudEventHeaders", "properties", "ce_type", "enum");
        assertThat(Set.copyOf(types)).isEqualTo(Set.of(LifecycleEventType.values()).stream().map(LifecycleEventType::ceType)
                .collect(Collectors.toSet()));
        List<String> deadLetterHeaders = at(doc, "components", "messages", "deadLetter", "headers", "required");
        assertThat(deadLetterHeaders).containsExactlyInAnyOrder(LifecycleTopic.DLT_ERROR, LifecycleTopic.DLT_EXCEPTION, LifecycleTopic.DLT_ORIGINAL_TOPIC, LifecycleTopic.DLT_ORIGINAL_PARTITION,
                LifecycleTopic.DLT_ORIGINAL_OFFSET, LifecycleTopic.DLT_CONSUMER_GROUP);
    }
}
