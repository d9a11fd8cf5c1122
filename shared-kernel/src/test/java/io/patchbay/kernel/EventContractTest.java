package io.patchbay.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.micronaut.json.JsonMapper;
import io.patchbay.kernel.event.ConfigurationDisabled;
import io.patchbay.kernel.event.ConfigurationLifecycleEvent;
import io.patchbay.kernel.event.LifecycleEventFields;
import io.patchbay.kernel.event.LifecycleEventType;
import io.patchbay.kernel.event.LifecycleTopic;
import io.patchbay.kernel.infra.event.InvalidEventException;
import io.patchbay.kernel.infra.event.LifecycleEnvelope;
import io.patchbay.kernel.infra.event.LifecycleEventCodec;
import io.patchbay.kernel.infra.outbox.OutboxMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The publisher side of the event contract: every example validates against its JSON Schema, decodes through the codec
 * consumers use, and re-encodes (as the publisher writes it) to JSON that validates against the same schema.
 */
class EventContractTest {
    private static final ObjectMapper JACKSON = new ObjectMapper();
    private final LifecycleEventCodec codec = new LifecycleEventCodec(JsonMapper.createDefault());

    static JsonNode resource(String name) throws IOException {
        try (InputStream in = EventContractTest.class.getResourceAsStream("/events/" + name)) {
            assertThat(in).as(name).isNotNull();
            return JACKSON.readTree(in);
        }
    }

    static JsonSchema schema(LifecycleEventType type) throws IOException {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(resource(type.resourceName() + ".schema.json"));
    }

    @ParameterizedTest
    @EnumSource(LifecycleEventType.class)
    void examplesValidateDecodeAndReEncodeToTheSchema(LifecycleEventType type) throws IOException {
        JsonNode example = resource(type.resourceName() + ".example.json");
        JsonSchema schema = schema(type);
        assertThat(schema.validate(example)).isEmpty();

        Map<String, String> headers = new HashMap<>();
        resource("headers.example.json").fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
        headers.put(LifecycleTopic.CE_TYPE, type.ceType());
        headers.put(LifecycleTopic.CE_SUBJECT, example.get("configurationId").asText());
        LifecycleEnvelope envelope = codec.decode(headers, example.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(envelope.type()).isEqualTo(type);
        assertThat(envelope.event()).isInstanceOf(type.payloadType());
        assertThat(envelope.event().version()).isEqualTo(example.get("version").asLong());

        OutboxMessage message = codec.toOutbox(UUID.randomUUID(), envelope.event());
        JsonNode written = JACKSON.readTree(message.payload());
        assertThat(schema.validate(written)).isEmpty();
        assertThat(written).isEqualTo(example);
        assertThat(message.key()).isEqualTo(envelope.event().configurationId());
        assertThat(message.topic()).isEqualTo(LifecycleTopic.NAME);
        assertThat(message.headers()).containsEntry(LifecycleTopic.CE_SPECVERSION, "1.0")
                .containsEntry(LifecycleTopic.CE_SOURCE, "/config-service").containsEntry(LifecycleTopic.CE_TYPE, type.ceType())
                .containsEntry(LifecycleTopic.CE_SUBJECT, envelope.event().configurationId())
                .containsEntry(LifecycleTopic.CONTENT_TYPE, "application/json").containsKeys(LifecycleTopic.CE_ID, LifecycleTopic.CE_TIME);
    }

    @Test
    void schemasRejectWhatConsumersCannotRead() throws IOException {
        JsonNode example = resource("configuration-disabled.v1.example.json");
        JsonSchema schema = schema(LifecycleEventType.DISABLED);
        assertThat(schema.validate(JACKSON.readTree(example.toString().replace("account-plan-downgrade", "bored")))).isNotEmpty();
        assertThat(schema.validate(JACKSON.readTree(example.toString().replace("\"version\":2", "\"version\":\"2\"")))).isNotEmpty();
    }

    @Test
    void codecRefusesMalformedRecordsNamingTheProblem() {
        ConfigurationLifecycleEvent event = new ConfigurationDisabled("icfg_3bwCLgxL8qt5kjRLcv2Dit7F", "oac_xzpVzcUOgcB1nrVlirtKhbWV", "slack",
                "u", null, "u", 2, 1, 1, "disabled-by-owner");
        OutboxMessage ok = codec.toOutbox(UUID.randomUUID(), event);
        assertThat(codec.decode(ok.headers(), ok.payload()).event()).isEqualTo(event);
        assertThat(LifecycleEventFields.toJson(event)).contains("\"teamId\":null");

        Map<String, String> noType = new HashMap<>(ok.headers());
        noType.remove(LifecycleTopic.CE_TYPE);
        assertThatThrownBy(() -> codec.decode(noType, ok.payload())).isInstanceOf(InvalidEventException.class).hasMessageContaining("ce_type");
        assertThatThrownBy(() -> codec.decode(ok.headers(), "{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> codec.decode(ok.headers(), "{\"configurationId\":\"x\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("missing");
        String wrongType = new String(ok.payload(), StandardCharsets.UTF_8).replace("\"version\":2", "\"version\":\"two\"");
        assertThatThrownBy(() -> codec.decode(ok.headers(), wrongType.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("version");
    }
}
