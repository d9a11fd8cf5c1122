package io.patchbay.config.domain;

import io.patchbay.kernel.error.Problems;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Enums whose wire value differs from the constant name ({@code disabled-by-owner}); parsing names the field on error. */
public interface WireEnum {
    String wire();

    /** The wire value, or null for null (unset optional fields). */
    static String wireOrNull(WireEnum value) {
        return value == null ? null : value.wire();
    }

    static <E extends Enum<E> & WireEnum> E parse(Class<E> type, String value, String field) {
        for (E e : type.getEnumConstants()) {
            if (e.wire().equals(value)) {
                return e;
            }
        }
        throw Problems.validation(field, "must be one of " + allowed(type) + ", was '" + value + "'");
    }

    static <E extends Enum<E> & WireEnum> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(WireEnum::wire).collect(Collectors.joining(", "));
    }
}
