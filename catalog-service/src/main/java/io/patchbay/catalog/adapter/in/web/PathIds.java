package io.patchbay.catalog.adapter.in.web;

import io.patchbay.catalog.domain.Integration;
import io.patchbay.catalog.domain.Resource;
import io.patchbay.kernel.error.Problems;
import io.patchbay.kernel.error.Texts;
import io.patchbay.kernel.id.Ids;

import java.util.regex.Pattern;

/** Checks ids from paths, queries and headers before they reach a use case (malformed → 400 naming the parameter). */
final class PathIds {
    private static final Pattern INTEGRATION = Ids.pattern(Integration.ID_PREFIX, 24);
    private static final Pattern RESOURCE = Ids.pattern(Resource.ID_PREFIX, 24);
    private static final Pattern CONNECTOR = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern TYPE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final Pattern TEAM = Ids.TEAM_ID;

    private PathIds() {
    }

    static String integration(String id) {
        return check(id, INTEGRATION, "id", "an integration id (int_ and 24 letters or digits)");
    }

    static String resource(String id) {
        return check(id, RESOURCE, "resource_id", "a resource id (res_ and 24 letters or digits)");
    }

    static String connector(String id) {
        return check(id, CONNECTOR, "id", "a connector id (1 to 64 letters, digits, '.', '_' or '-')");
    }

    static String type(String type) {
        return check(type, TYPE, "type", "an integration type (lower-case letters, digits, '-' or '_')");
    }

    static String team(String header) {
        return header == null || header.isBlank() ? null : check(header, TEAM, "X-Team-Id", "a team id (team_…)");
    }

    private static String check(String value, Pattern pattern, String field, String what) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw Problems.validation(field, "must be " + what + ", was '" + Texts.truncate(value) + "'");
        }
        return value;
    }
}
