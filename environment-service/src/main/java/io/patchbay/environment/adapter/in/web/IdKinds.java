package io.patchbay.environment.adapter.in.web;

import io.patchbay.environment.application.port.out.PageKey;
import io.patchbay.kernel.id.ConfigurationId;
import io.patchbay.kernel.infra.web.request.IdKind;
import io.patchbay.kernel.infra.web.request.Limit;
import io.patchbay.kernel.infra.web.request.PageCursors;
import io.patchbay.kernel.paging.CursorCodec;

import java.util.List;
import java.util.UUID;

/** What environment-service's paths and queries carry besides bodies, checked by the kernel's request toolkit. */
final class IdKinds {
    /** Environment-service's teams are not prefixed. */
    static final IdKind TEAM = IdKind.NAME.describedAs("a team id (1 to 64 letters, digits, _ or -)");
    static final Limit LIMIT = new Limit(25, 100);
    static final String CURSOR = "next_cursor";

    private IdKinds() {
    }

    static UUID uuid(String value, String field) {
        return IdKind.uuid(value, field, "a UUID");
    }

    static UUID optionalUuid(String value, String field) {
        return value == null ? null : uuid(value, field);
    }

    /** A configuration id, checked once here and passed inward as the kernel's value; null stays null (not given). */
    static ConfigurationId optionalConfiguration(String value, String field) {
        return value == null ? null : new ConfigurationId(IdKind.CONFIGURATION.check(value, field));
    }

    static PageKey cursor(CursorCodec codec, String value) {
        return PageCursors.decode(codec, value, CURSOR, 2, parts -> new PageKey(Long.parseLong(parts.get(0)), UUID.fromString(parts.get(1))));
    }

    static String encode(CursorCodec codec, PageKey key) {
        return codec.encode(List.of(Long.toString(key.createdAt()), key.id().toString()));
    }
}
