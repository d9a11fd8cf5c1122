package io.patchbay.catalog.domain;

/** The acting team of a request and the caller's Apono role in it. */
public record Tenant(String teamId, String userId, AponoRole role) {
}
