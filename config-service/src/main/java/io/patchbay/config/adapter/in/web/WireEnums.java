package io.patchbay.config.adapter.in.web;

import io.patchbay.config.domain.WireEnum;
import io.patchbay.kernel.error.Problems;

/** A request's enum value: an unknown one is the caller's mistake, a 400 naming the field and the values accepted. */
final class WireEnums {
    private WireEnums() {
    }

    static <E extends Enum<E> & WireEnum> E parse(Class<E> type, String value, String field) {
        return WireEnum.find(type, value).orElseThrow(() -> Problems.validation(field, "must be one of " + WireEnum.allowed(type)
                + ", was '" + value + "'"));
    }

    /** Null stays null (the field was not given); anything else is {@link #parse}d. */
    static <E extends Enum<E> & WireEnum> E parseOrNull(Class<E> type, String value, String field) {
        return value == null ? null : parse(type, value, field);
    }
}
