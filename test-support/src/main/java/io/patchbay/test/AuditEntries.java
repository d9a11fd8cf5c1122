package io.patchbay.test;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail as tests read it (operations.md "Audit trail"): {@code GET /audit/events} with every page followed, and
 * the whole {@code audit_event} table as text, to prove a secret value appears nowhere in it.
 */
public final class AuditEntries {
    private AuditEntries() {
    }

    /** Every entry the query matches, newest first, following {@code next_cursor} to the end. */
    public static List<JsonNode> all(Api api, String token, Map<String, String> filters) {
        List<JsonNode> entries = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, String> query = new LinkedHashMap<>(filters);
            if (cursor != null) {
                query.put("cursor", cursor);
            }
            Api.Response r = api.get("/audit/events" + queryString(query), token);
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            r.json().get("data").forEach(entries::add);
            JsonNode next = r.json().get("next_cursor");
            cursor = next == null || next.isNull() ? null : next.asText();
        } while (cursor != null);
        return entries;
    }

    /** The entries of one resource, newest first. */
    public static List<JsonNode> ofResource(Api api, String adminToken, String resourceId) {
        return all(api, adminToken, Map.of("resource_id", resourceId, "limit", "1000"));
    }

    /** The actions of the entries, newest first. */
    public static List<String> actions(List<JsonNode> entries) {
        return entries.stream().map(e -> e.get("action").asText()).toList();
    }

    /** Every row of {@code audit_event}, every column, as text. */
    public static String tableText(String jdbcUrl) {
        TestInfra infra = TestInfra.get();
        try (Connection c = DriverManager.getConnection(jdbcUrl, infra.user(), infra.password()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT coalesce(string_agg(a::text, E'\\n'), '') FROM audit_event a")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    /** How many rows {@code audit_event} holds. */
    public static long count(String jdbcUrl, String where) {
        TestInfra infra = TestInfra.get();
        try (Connection c = DriverManager.getConnection(jdbcUrl, infra.user(), infra.password()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM audit_event" + (where == null ? "" : " WHERE " + where))) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The read rule: the admin sees the entries of every team; the team's OWNER only those of that team (and gets 403 for
     * another team); the team's other members get 403.
     */
    public static void assertOwnerSeesOnlyTheirTeam(Api api, String adminToken, String ownerToken, String ownerTeam, String memberToken,
                                                    String otherTeam) {
        List<JsonNode> mine = all(api, ownerToken, Map.of("limit", "1000"));
        assertThat(mine).as("the owner sees their team's entries").isNotEmpty()
                .allSatisfy(e -> assertThat(e.get("team_id").asText()).isEqualTo(ownerTeam));
        assertThat(all(api, ownerToken, Map.of("team_id", ownerTeam, "limit", "1000"))).hasSameSizeAs(mine);
        assertThat(all(api, adminToken, Map.of("team_id", otherTeam, "limit", "1000"))).as("the admin sees the other team's entries").isNotEmpty();
        ProblemAssert.assertProblem(api.get("/audit/events?team_id=" + otherTeam, ownerToken), 403, null);
        ProblemAssert.assertProblem(api.get("/audit/events", memberToken), 403, null);
        ProblemAssert.assertProblem(api.get("/audit/events?team_id=" + ownerTeam, memberToken), 403, null);
        ProblemAssert.assertProblem(api.get("/audit/events", null), 401, null);
    }

    /**
     * {@code GET /audit/events} on the security surface: a token is required (401 without one or with a malformed one), a
     * caller who owns no team gets 403, an admin 200 — every refusal a problem.
     */
    public static void assertGuarded(Api api, String teamlessToken, String adminToken) {
        ProblemAssert.assertProblem(api.get("/audit/events", null), 401, null);
        ProblemAssert.assertProblem(api.get("/audit/events", "not.a.jwt"), 401, null);
        ProblemAssert.assertProblem(api.get("/audit/events", teamlessToken), 403, null);
        Api.Response admin = api.get("/audit/events?limit=1", adminToken);
        assertThat(admin.status()).as(admin.toString()).isEqualTo(200);
        assertThat(admin.json().has("data")).isTrue();
        assertThat(admin.json().has("next_cursor")).isTrue();
    }

    private static String queryString(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("?");
        query.forEach((k, v) -> out.append(out.length() > 1 ? "&" : "").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return out.toString();
    }
}
