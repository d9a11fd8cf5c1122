package io.patchbay.catalog.application.port.in;

import io.patchbay.catalog.domain.IntegrationStatus;

import java.util.List;

/** v4 list filters: {@code name} and {@code types} are Apono wildcards; the others exact (case-insensitive) values. */
public record IntegrationFilter(String name, List<String> types, List<String> categories, List<String> connectorIds, List<IntegrationStatus> statuses) {
    public IntegrationFilter {
        types = List.copyOf(types);
        categories = List.copyOf(categories);
        connectorIds = List.copyOf(connectorIds);
        statuses = List.copyOf(statuses);
    }

    public static IntegrationFilter none() {
        return new IntegrationFilter(null, List.of(), List.of(), List.of(), List.of());
    }
}
