package io.patchbay.config.application.port.out;

/** A position in the newest-first order of configurations: creation time, then id. */
public record PageKey(long createdAt, String id) {
}
