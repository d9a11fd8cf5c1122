package io.patchbay.catalog.application.port.in;

import java.util.List;

/** A v2/v3 page: the items, the total count, and the limit/offset that made it. */
public record OffsetPage<T>(List<T> items, long total, int limit, int offset) {
}
