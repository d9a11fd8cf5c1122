package io.patchbay.kernel.infra.web;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** RFC 9457 problem details, with Patchbay's stable {@code code} and per-field {@code errors}. */
@Serdeable
public record ProblemBody(String type, String title, int status, String detail, String code, List<FieldErrorBody> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";

    @Serdeable
    public record FieldErrorBody(String field, String message) {
    }
}
