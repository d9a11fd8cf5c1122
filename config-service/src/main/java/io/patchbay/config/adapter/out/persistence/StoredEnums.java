package io.patchbay.config.adapter.out.persistence;

import io.patchbay.config.application.PublishedNames;

/**
 * How the database stores the domain's enums: their published names ({@link PublishedNames}), which must stay what
 * existing rows hold ({@code StoredEnumsTest} pins every value). A value read from a row that names no constant is bad
 * data in this service's own database (a migration or a manual change gone wrong), an internal error, never the
 * caller's 400.
 */
final class StoredEnums {
    private StoredEnums() {
    }

    /** The value as a column holds it; null for null. */
    static String stored(Enum<?> value) {
        return PublishedNames.name(value);
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String column) {
        return PublishedNames.find(type, value).orElseThrow(() -> new IllegalStateException("column " + column + " holds '"
                + value + "', which is not a " + type.getSimpleName() + " (one of " + PublishedNames.allowed(type) + ")"));
    }
}
