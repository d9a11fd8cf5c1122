package io.patchbay.oauth.adapter.in.web;

import io.patchbay.kernel.auth.NamedTeam;
import io.patchbay.kernel.infra.web.request.IdKind;
import io.patchbay.kernel.infra.web.request.NamedTeams;

import java.util.UUID;

/** The ids oauth-service's paths, queries and headers carry, checked by the kernel's request toolkit (malformed → 400). */
final class IdKinds {
    static final IdKind TEMPLATE_KEY = IdKind.of("[a-z][a-z0-9_-]{0,63}", "a template key (lower-case letters, digits, '-' or '_')");

    private IdKinds() {
    }

    static UUID guid(String value, String field) {
        return IdKind.uuid(value, field, "a GUID (UUID)");
    }

    /** The team the X-Team-Id header names (none when absent; malformed → 400 naming the header), passed to the use cases. */
    static NamedTeam team(String header) {
        return NamedTeams.header(IdKind.TEAM, header);
    }
}
