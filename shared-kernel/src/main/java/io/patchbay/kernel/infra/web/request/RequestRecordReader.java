package io.patchbay.kernel.infra.web.request;

import io.micronaut.core.annotation.Order;
import io.micronaut.core.io.buffer.ByteBuffer;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.Headers;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.body.MessageBodyReader;
import io.micronaut.http.codec.CodecException;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.patchbay.kernel.error.FieldError;
import io.patchbay.kernel.error.Problems;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Reads JSON bodies into {@link RequestRecord}s (or a {@code List} of them, for a body that is a JSON array) strictly: Micronaut's own reader would turn {@code 12} into {@code "12"}
 * for a text field and drop fields it does not know, where Patchbay's APIs answer both with a 400 naming the field. The
 * body is parsed as a tree (malformed JSON fails as in Micronaut's reader, with the same message), checked against the
 * record's shape ({@link RecordShape}), then bound by micronaut-serde.
 */
@Singleton
@Order(Ordered.HIGHEST_PRECEDENCE)
@Consumes({MediaType.APPLICATION_JSON, RequestRecordReader.MERGE_PATCH})
public class RequestRecordReader<T> implements MessageBodyReader<T> {
    static final String MERGE_PATCH = "application/merge-patch+json";
    private static final Argument<JsonNode> TREE = Argument.of(JsonNode.class);
    private final JsonMapper json;

    public RequestRecordReader(JsonMapper json) {
        this.json = json;
    }

    @Override
    public boolean isReadable(Argument<T> type, MediaType mediaType) {
        return type.getType().isAnnotationPresent(RequestRecord.class) || elementRecord(type) != null;
    }

    /** For a {@code List} of request records (a body that is a JSON array of them), the record's class; else null. */
    private static Class<?> elementRecord(Argument<?> type) {
        if (!List.class.isAssignableFrom(type.getType())) {
            return null;
        }
        Class<?> element = type.getFirstTypeVariable().map(Argument::getType).orElse(null);
        return element != null && element.isAnnotationPresent(RequestRecord.class) ? element : null;
    }

    @Override
    public T read(Argument<T> type, MediaType mediaType, Headers headers, ByteBuffer<?> body) throws CodecException {
        return bind(parse(type, () -> json.readValue(body, TREE)), type);
    }

    @Override
    public T read(Argument<T> type, MediaType mediaType, Headers headers, InputStream body) throws CodecException {
        return bind(parse(type, () -> json.readValue(body, TREE)), type);
    }

    private interface TreeSource {
        JsonNode read() throws IOException;
    }

    private static JsonNode parse(Argument<?> type, TreeSource source) {
        try {
            return source.read();
        } catch (IOException e) {
            throw malformed(type, e);
        }
    }

    /** The record for {@code tree}, or a 400 listing every field whose JSON does not fit the record. */
    public T bind(JsonNode tree, Argument<T> type) {
        Class<?> element = elementRecord(type);
        List<FieldError> errors = element != null ? RecordShape.of(element).checkArray(tree) : RecordShape.of(type.getType()).check(tree);
        if (!errors.isEmpty()) {
            throw Problems.validation(errors);
        }
        try {
            return json.readValueFromTree(tree, type);
        } catch (IOException e) {
            throw malformed(type, e);
        }
    }

    private static CodecException malformed(Argument<?> type, IOException e) {
        return new CodecException("Error decoding JSON stream for type [" + type.getName() + "]: " + e.getMessage(), e);
    }
}
