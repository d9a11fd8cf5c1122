package io.patchbay.kernel.infra.web.request;

import io.patchbay.kernel.auth.NamedTeam;
import io.patchbay.kernel.error.ErrorKind;
import io.patchbay.kernel.error.FieldError;
import io.patchbay.kernel.error.ProblemException;
import io.patchbay.kernel.paging.CursorCodec;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestToolkitTest {
    private static final CursorCodec CODEC = new CursorCodec("0123456789abcdef0123".getBytes(StandardCharsets.UTF_8));

    @Test
    void idKindsPassMatchingValuesAndNameTheFieldOfOthers() {
        IdKind hook = IdKind.prefixed("hook_", 24, "a webhook id");
        String id = "hook_" + "a".repeat(24);
        assertThat(hook.check(id, "id")).isEqualTo(id);
        assertThat(hook.optional(null, "id")).isNull();
        assertBadRequest(() -> hook.check("hook_short", "id"), "id", "must be a webhook id (hook_ and 24 letters or digits), was 'hook_short'");
        assertBadRequest(() -> hook.check(null, "id"), "id", "must be a webhook id (hook_ and 24 letters or digits), was ''");
        assertBadRequest(() -> IdKind.TEAM.check("x".repeat(200), "X-Team-Id"), "X-Team-Id",
                "must be a team id (team_…), was '" + "x".repeat(80) + "…'");
        UUID uuid = UUID.randomUUID();
        assertThat(IdKind.uuid(uuid.toString(), "guid", "a GUID (UUID)")).isEqualTo(uuid);
        assertBadRequest(() -> IdKind.uuid("nope", "guid", "a GUID (UUID)"), "guid", "must be a GUID (UUID), was 'nope'");
    }

    @Test
    void limitIsTheDefaultWhenAbsentAndAnIntegerInRangeOtherwise() {
        Limit limit = new Limit(25, 100);
        assertThat(limit.parse(null)).isEqualTo(25);
        assertThat(limit.parse("1")).isEqualTo(1);
        assertThat(limit.parse("100")).isEqualTo(100);
        for (String bad : List.of("0", "101", "abc", "", "1.5", "-1")) {
            assertBadRequest(() -> limit.parse(bad), "limit", "must be an integer from 1 to 100, was '" + bad + "'");
        }
        assertThat(QueryParams.offset(null)).isZero();
        assertBadRequest(() -> QueryParams.offset("-1"), "offset", null);
    }

    @Test
    void queryParamsReadBooleansAndRefuseNulAndOverlongText() {
        assertThat(QueryParams.bool(null, "is_enabled")).isNull();
        assertThat(QueryParams.bool("true", "is_enabled")).isTrue();
        assertBadRequest(() -> QueryParams.bool("yes", "is_enabled"), "is_enabled", "must be true or false, was 'yes'");
        assertBadRequest(() -> QueryParams.storable("a\0b", "name"), "name", null);
        assertBadRequest(() -> QueryParams.text("abc", "name", 2), "name", "must be at most 2 characters");
        assertThat(QueryParams.text("ab", "name", 2)).isEqualTo("ab");
    }

    @Test
    void pageCursorsRoundTripAndRefuseForgedOrUnreadableOnes() {
        String cursor = CODEC.encode(List.of("42", "x"));
        Long key = PageCursors.decode(CODEC, cursor, "until", 2, parts -> Long.parseLong(parts.get(0)));
        assertThat(key).isEqualTo(42L);
        Long none = PageCursors.decode(CODEC, null, "until", 2, parts -> 1L);
        assertThat(none).isNull();
        assertBadRequest(() -> PageCursors.decode(CODEC, "forged", "until", 2, parts -> 1L), "until", "is not a valid cursor");
        String unreadable = CODEC.encode(List.of("not-a-number", "x"));
        assertBadRequest(() -> PageCursors.decode(CODEC, unreadable, "next_cursor", 2, parts -> Long.parseLong(parts.get(0))),
                "next_cursor", "is not a valid cursor");
    }

    @Test
    void namedTeamsCheckTheExplicitParameterAndTheHeaderEachUnderItsOwnName() {
        assertThat(NamedTeams.named(IdKind.TEAM, "team_a", "teamId", "team_b")).isEqualTo(new NamedTeam("team_a", "team_b"));
        assertThat(NamedTeams.named(IdKind.TEAM, null, "teamId", null).isNone()).isTrue();
        assertBadRequest(() -> NamedTeams.named(IdKind.TEAM, "nope", "teamId", null), "teamId", null);
        assertBadRequest(() -> NamedTeams.named(IdKind.TEAM, null, "teamId", ""), NamedTeams.HEADER, null);
        assertThat(NamedTeams.headerOrBlank(IdKind.TEAM, " ")).isEqualTo(NamedTeam.NONE);
        assertBadRequest(() -> NamedTeams.headerOrBlank(IdKind.TEAM, "nope"), NamedTeams.HEADER, null);
    }

    private static void assertBadRequest(ThrowableAssert.ThrowingCallable call, String field, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProblemException.class, p -> {
            assertThat(p.kind()).isEqualTo(ErrorKind.VALIDATION_FAILED);
            assertThat(p.errors()).extracting(FieldError::field).containsExactly(field);
            if (message != null) {
                assertThat(p.errors()).extracting(FieldError::message).containsExactly(message);
            }
        });
    }
}
