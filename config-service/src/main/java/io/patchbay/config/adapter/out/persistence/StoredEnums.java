package io.patchbay.config.adapter.out.persistence;

import io.patchbay.config.domain.WireEnum;

/**
 * An enum value read from a row: an unknown one is bad data in this service's own database (a migration or a manual
 * change gone wrong), an internal error, never the caller's 400.
 */
final class StoredEnums {
    private StoredEnums() {
    }

    static <E extends Enum<E> & WireEnum> E parse(Class<E> type, String value, String column) {
        return WireEnum.find(type, value).orElseThrow(() -> new IllegalStateException("column " + column + " holds '" + value
                + "', which is not a " + type.getSimpleName() + " (one of " + WireEnum.allowed(type) + ")"));
    }
}
