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
 * Reads JSON bodies into {@link RequestRecord}s strictly: Micronaut's own reader would turn {@code 12} into {@code "12"}
 * for a text field and drop fields it does not know, where Patchbay's APIs answer both with a 400 naming the field. The
 * body is parsed as a tree (malformed JSON fails as in Micronaut's reader, with the same message), checked against the
 * record's shape ({@link RecordShape}), then bound by micronaut-serde.
 */
@Singleton
@Order(Ordered.HIGHEST_PRECEDENCE)
@Consumes({MediaType.APPLICATION_JSON, RequestRecordReader.MERGE_PATCH})
public class RequestRecordReader<T> implements MessageBodyReader<T> {
    static final String MERGE_PATCH = "application/merge-patch+json";
    private final JsonMapper json;

    public RequestRecordReader(JsonMapper json) {
        this.json = json;
    }

    @Override
    public boolean isReadable(Argument<T> type, MediaType mediaType) {
        return type.getType().isAnnotationPresent(RequestRecord.class);
    }

    @Override
    public T read(Argument<T> type, MediaType mediaType, Headers headers, ByteBuffer<?> body) throws CodecException {
        JsonNode tree;
        try {
            tree = json.readValue(body, Argument.of(JsonNode.class));
        } catch (IOException e) {
            throw malformed(type, e);
        }
        return bind(tree, type);
    }

    @Override
    public T read(Argument<T> type, MediaType mediaType, Headers headers, InputStream body) throws CodecException {
        JsonNode tree;
        try {
            tree = json.readValue(body, Argument.of(JsonNode.class));
        } catch (IOException e) {
            throw malformed(type, e);
        }
        return bind(tree, type);
    }

    /** The record for {@code tree}, or a 400 listing every field whose JSON does not fit the record. */
    public T bind(JsonNode tree, Argument<T> type) {
        List<FieldError> errors = RecordShape.of(type.getType()).check(tree);
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
