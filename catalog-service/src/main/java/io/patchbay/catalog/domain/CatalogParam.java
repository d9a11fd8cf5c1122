package io.patchbay.catalog.domain;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One connection parameter of a catalog type; {@code values} empty means free text, {@code defaultValue} "" means none.
 * {@code pattern}, when given, is what a value must match as a whole (connectors build connection strings from these
 * values, so a hostname cannot smuggle in driver options).
 */
public record CatalogParam(String id, String label, List<String> values, String defaultValue, boolean optional, Pattern pattern,
                           String patternHint) {
    public CatalogParam {
        values = List.copyOf(values);
        defaultValue = defaultValue == null ? "" : defaultValue;
    }

    public CatalogParam(String id, String label, List<String> values, String defaultValue, boolean optional) {
        this(id, label, values, defaultValue, optional, null, null);
    }

    public boolean accepts(String value) {
        return pattern == null || pattern.matcher(value).matches();
    }
}
