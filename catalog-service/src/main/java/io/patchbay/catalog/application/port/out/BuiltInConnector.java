package io.patchbay.catalog.application.port.out;

/** The connector that runs inside this deployment (settings). */
public record BuiltInConnector(String id, String name, String version) {
}
