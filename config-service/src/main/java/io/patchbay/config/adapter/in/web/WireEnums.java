package io.patchbay.config.adapter.in.web;

import io.patchbay.config.application.PublishedNames;
import io.patchbay.kernel.error.Problems;

/**
 * The HTTP API's spelling of the domain's enums, both ways: the application's one table ({@link PublishedNames}), with
 * an unknown request value being the caller's mistake, a 400 naming the field and the values accepted.
 */
final class WireEnums {
    private WireEnums() {
    }

    /** The value's spelling on the wire; null for null. */
    static String wire(Enum<?> value) {
        return PublishedNames.name(value);
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        return PublishedNames.find(type, value).orElseThrow(() -> Problems.validation(field, "must be one of "
                + PublishedNames.allowed(type) + ", was '" + value + "'"));
    }

    /** Null stays null (the field was not given); anything else is {@link #parse}d. */
    static <E extends Enum<E>> E parseOrNull(Class<E> type, String value, String field) {
        return value == null ? null : parse(type, value, field);
    }
}
