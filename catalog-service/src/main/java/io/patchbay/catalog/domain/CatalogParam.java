package io.patchbay.catalog.domain;

import java.util.List;

/** One connection parameter of a catalog type; {@code values} empty means free text, {@code defaultValue} "" means none. */
public record CatalogParam(String id, String label, List<String> values, String defaultValue, boolean optional) {
    public CatalogParam {
        values = List.copyOf(values);
        defaultValue = defaultValue == null ? "" : defaultValue;
    }
}
