package io.patchbay.catalog.adapter.in.web;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.patchbay.catalog.domain.IntegrationSpec;
import io.patchbay.kernel.infra.web.request.RequestRecordReader;
import jakarta.inject.Singleton;
import jakarta.validation.Valid;

/**
 * The integrations' full-replace (PUT) bodies. There {@code configuration_id} left out keeps the link and {@code null}
 * unlinks, a difference a request record cannot carry; so the controller takes the JSON tree, and this binds the tree to
 * the same typed record strictly (kernel {@link RequestRecordReader}: wrong types and unknown fields are 400s naming each
 * field) and validates it as {@code @Valid @Body} would ({@link Validation}'s {@code @Valid} parameters; the kernel's
 * {@code ConstraintProblems} names the violations by wire path).
 */
@Singleton
class ReplaceBodies {
    private final RequestRecordReader<Object> reader;
    private final Validation validation;

    ReplaceBodies(JsonMapper json, Validation validation) {
        this.reader = new RequestRecordReader<>(json);
        this.validation = validation;
    }

    IntegrationSpec v4(JsonNode json) {
        UpdateIntegrationV4Request body = bind(json, UpdateIntegrationV4Request.class);
        return IntegrationBodies.v4(validation.valid(body), json.get("configuration_id") != null);
    }

    IntegrationSpec v2(JsonNode json) {
        UpdateIntegrationV2Request body = bind(json, UpdateIntegrationV2Request.class);
        return IntegrationBodies.v2(validation.valid(body), json.get("configuration_id") != null);
    }

    /** A bean of its own, so that calls reach micronaut-validation's interceptor of its {@code @Valid} parameters. */
    @Singleton
    static class Validation {
        UpdateIntegrationV4Request valid(@Valid UpdateIntegrationV4Request body) {
            return body;
        }

        UpdateIntegrationV2Request valid(@Valid UpdateIntegrationV2Request body) {
            return body;
        }
    }

    @SuppressWarnings("unchecked")
    private <T> T bind(JsonNode json, Class<T> type) {
        return (T) reader.bind(json, (Argument<Object>) (Argument<?>) Argument.of(type));
    }
}
