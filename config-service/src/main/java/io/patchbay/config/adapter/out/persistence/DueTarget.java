package io.patchbay.config.adapter.out.persistence;

import io.micronaut.core.annotation.Introspected;

/** A target with due deliveries, and how many. */
@Introspected
record DueTarget(String targetId, long due) {
}
