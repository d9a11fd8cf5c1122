package io.patchbay.kernel.infra.event;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.patchbay.kernel.event.ConfigurationLifecycleEvent;
import io.patchbay.kernel.event.LifecycleEventFields;
import io.patchbay.kernel.event.LifecycleEventType;
import io.patchbay.kernel.event.LifecycleTopic;
import io.patchbay.kernel.infra.outbox.OutboxMessage;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * CloudEvents 1.0 binary mode for the lifecycle topic: the JSON payload is the record value, the attributes are
 * {@code ce_*} headers. The publisher and every consumer use this one codec.
 */
@Singleton
public class LifecycleEventCodec {
    private final JsonMapper json;

    public LifecycleEventCodec(JsonMapper json) {
        this.json = json;
    }

    public OutboxMessage toOutbox(UUID eventId, ConfigurationLifecycleEvent event) {
        LifecycleEventType type = LifecycleEventType.of(event);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(LifecycleTopic.CE_SPECVERSION, LifecycleTopic.SPECVERSION);
        headers.put(LifecycleTopic.CE_ID, eventId.toString());
        headers.put(LifecycleTopic.CE_SOURCE, LifecycleTopic.SOURCE);
        headers.put(LifecycleTopic.CE_TYPE, type.ceType());
        headers.put(LifecycleTopic.CE_SUBJECT, event.configurationId());
        headers.put(LifecycleTopic.CE_TIME, Instant.ofEpochMilli(event.occurredAt()).toString());
        headers.put(LifecycleTopic.CONTENT_TYPE, LifecycleTopic.JSON);
        byte[] payload = LifecycleEventFields.toJson(event).getBytes(StandardCharsets.UTF_8);
        return new OutboxMessage(eventId, LifecycleTopic.NAME, event.configurationId(), headers, payload);
    }

    /**
     * @param headers the record's headers (last value of each name)
     * @throws InvalidEventException when the record is not a lifecycle event this codec can read
     */
    public LifecycleEnvelope decode(Map<String, String> headers, byte[] value) {
        String specVersion = headers.get(LifecycleTopic.CE_SPECVERSION);
        if (!LifecycleTopic.SPECVERSION.equals(specVersion)) {
            throw new InvalidEventException("header ce_specversion must be 1.0, was " + specVersion);
        }
        UUID id;
        try {
            id = UUID.fromString(require(headers, LifecycleTopic.CE_ID));
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("header ce_id is not a UUID");
        }
        String ceType = require(headers, LifecycleTopic.CE_TYPE);
        LifecycleEventType type = LifecycleEventType.fromCeType(ceType)
                .orElseThrow(() -> new InvalidEventException("unknown ce_type " + ceType));
        Instant time;
        try {
            time = Instant.parse(require(headers, LifecycleTopic.CE_TIME));
        } catch (DateTimeParseException e) {
            throw new InvalidEventException("header ce_time is not RFC 3339");
        }
        if (value == null) {
            throw new InvalidEventException("record has no value");
        }
        Map<String, Object> fields;
        try {
            fields = json.readValue(value, Argument.mapOf(String.class, Object.class));
        } catch (IOException | RuntimeException e) {
            throw new InvalidEventException("value is not a JSON object");
        }
        if (fields == null) {
            throw new InvalidEventException("value is not a JSON object");
        }
        ConfigurationLifecycleEvent event;
        try {
            event = LifecycleEventFields.fromFields(type, fields);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(e.getMessage());
        }
        String subject = require(headers, LifecycleTopic.CE_SUBJECT);
        if (!subject.equals(event.configurationId())) {
            throw new InvalidEventException("ce_subject does not match configurationId");
        }
        return new LifecycleEnvelope(id, type, subject, time, event);
    }

    private static String require(Map<String, String> headers, String name) {
        String value = headers.get(name);
        if (value == null || value.isBlank()) {
            throw new InvalidEventException("header " + name + " is missing");
        }
        return value;
    }
}
