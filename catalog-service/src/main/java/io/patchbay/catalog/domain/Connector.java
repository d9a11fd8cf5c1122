package io.patchbay.catalog.domain;

import java.time.Instant;

/** A connector (Apono's agent) as a tenant sees it; the built-in one runs inside this service. */
public record Connector(String id, String name, boolean builtIn, boolean connected, String version, Instant lastConnected) {
}
