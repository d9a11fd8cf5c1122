package io.patchbay.config.domain;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Enums whose value differs from the constant name ({@code disabled-by-owner}). Looking a value up says only whether it
 * is one: whose fault an unknown value is (the caller's, or the stored data's) is for the adapter that read it to say.
 */
public interface WireEnum {
    String wire();

    /** The wire value, or null for null (unset optional fields). */
    static String wireOrNull(WireEnum value) {
        return value == null ? null : value.wire();
    }

    /** The constant whose value is {@code value}, if there is one. */
    static <E extends Enum<E> & WireEnum> Optional<E> find(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.wire().equals(value)).findFirst();
    }

    /** The accepted values, comma separated, in declaration order. */
    static <E extends Enum<E> & WireEnum> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(WireEnum::wire).collect(Collectors.joining(", "));
    }
}
