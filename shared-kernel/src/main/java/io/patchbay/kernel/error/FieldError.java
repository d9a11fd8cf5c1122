package io.patchbay.kernel.error;

/** One bad field of a request: its name (dotted path) and what is wrong with it. */
public record FieldError(String field, String message) {
}
