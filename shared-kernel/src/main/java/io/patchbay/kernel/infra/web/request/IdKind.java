package io.patchbay.kernel.infra.web.request;

import io.patchbay.kernel.error.Texts;
import io.patchbay.kernel.error.Problems;
import io.patchbay.kernel.id.ConfigurationId;
import io.patchbay.kernel.id.Ids;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One kind of id a request carries in its path, query or headers: the pattern its values match and how a problem
 * describes it ("a webhook id (hook_ and 24 letters or digits)").
 */
public record IdKind(Pattern pattern, String description) {
    /** A team id as config-, oauth- and catalog-service issue them. */
    public static final IdKind TEAM = new IdKind(Ids.TEAM_ID, "a team id (team_…)");
    /** A user id, or a team id where teams are not prefixed (environment-service). */
    public static final IdKind NAME = of("[0-9A-Za-z_-]{1,64}", "1 to 64 letters, digits, _ or -");
    /** A configuration id ({@code icfg_} and 24 letters or digits), as config-service issues them. */
    public static final IdKind CONFIGURATION = prefixed(ConfigurationId.PREFIX, ConfigurationId.LENGTH, "a configuration id");

    public static IdKind of(String regex, String description) {
        return new IdKind(Pattern.compile(regex), description);
    }

    /** Ids made by {@link Ids#prefixed}: the prefix and {@code length} letters or digits. */
    public static IdKind prefixed(String prefix, int length, String what) {
        return new IdKind(Ids.pattern(prefix, length), what + " (" + prefix + " and " + length + " letters or digits)");
    }

    /** The same pattern described otherwise. */
    public IdKind describedAs(String otherDescription) {
        return new IdKind(pattern, otherDescription);
    }

    /** {@code value} when it is one of these ids; else 400 naming {@code field}. */
    public String check(String value, String field) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw Problems.validation(field, "must be " + description + ", was '" + Texts.truncate(value) + "'");
        }
        return value;
    }

    /** Null stays null (the parameter was not given); anything else is {@link #check}ed. */
    public String optional(String value, String field) {
        return value == null ? null : check(value, field);
    }

    /** A UUID in its canonical text form; else 400 naming {@code field} ("must be {@code what}"). */
    public static UUID uuid(String value, String field, String what) {
        if (value == null || !Ids.UUID_TEXT.matcher(value).matches()) {
            throw Problems.validation(field, "must be " + what + ", was '" + Texts.truncate(value) + "'");
        }
        return UUID.fromString(value);
    }
}
