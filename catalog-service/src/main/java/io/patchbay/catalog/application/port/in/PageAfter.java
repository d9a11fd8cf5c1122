package io.patchbay.catalog.application.port.in;

/** A keyset position: after the integration with this lower-cased name and id (null: the first page). */
public record PageAfter(String nameLower, String id) {
}
