package io.patchbay.test;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What operations.md's "Management surface" promises, checked the same way against every service with its shipped
 * settings: anonymous health is status only; every other management path answers a caller without a token 401 or 404
 * and a tenant 401, 403 or 404 (never 200); admins see health details and the endpoints a service keeps; thread dumps,
 * routes, beans, refresh and log level changes are off; nothing answers 5xx, and every error there is problem+json.
 */
public final class ManagementSurface {
    /** Anyone may read these; health shows its status only. */
    public static final List<String> PUBLIC = List.of("/health", "/health/liveness", "/health/readiness");
    /** Admin-only or off, read with GET. */
    public static final List<String> GUARDED_READS = List.of("/threaddump", "/routes", "/beans", "/metrics", "/metrics/jvm.memory.used",
            "/info", "/loggers", "/loggers/ROOT", "/env", "/env/datasources", "/caches", "/refresh", "/stop");
    /** Admin-only or off, writes. */
    public static final List<String> GUARDED_WRITES = List.of("POST /refresh", "POST /loggers/ROOT", "POST /stop", "DELETE /caches",
            "POST /env", "POST /beans", "POST /threaddump");
    /** Off by default (an operator may turn them on by setting): admins get 404 or 405, never 200. */
    public static final List<String> OFF_BY_DEFAULT = List.of("GET /threaddump", "GET /routes", "GET /beans", "POST /refresh",
            "POST /loggers/ROOT", "GET /env", "POST /stop");

    private ManagementSurface() {
    }

    /**
     * Runs every check against the service behind {@code api}. {@code tenants} are tokens without the admin role (one
     * with no team, one a team's OWNER); {@code admin} has it.
     */
    public static void assertClosed(Api api, List<String> tenants, String admin) {
        List<String> violations = new ArrayList<>();
        for (String path : PUBLIC) {
            for (String token : withAnonymous(tenants)) {
                Api.Response r = api.get(path, token);
                if (r.status() != 200 && r.status() != 503) {
                    violations.add(who(token) + " GET " + path + " -> " + r);
                } else if (r.json().size() != 1 || !r.json().has("status")) {
                    violations.add(who(token) + " GET " + path + " shows more than its status: " + r.raw().body());
                }
            }
            Api.Response asAdmin = api.get(path, admin);
            if (asAdmin.status() >= 500 && asAdmin.status() != 503) {
                violations.add("admin GET " + path + " -> " + asAdmin);
            }
        }
        for (String token : withAnonymous(List.of(tenants.getFirst(), admin))) {
            check(violations, who(token) + " GET /health/nonsense", api.get("/health/nonsense", token), List.of(400, 404));
        }
        Api.Response adminHealth = api.get("/health/readiness", admin);
        if (!adminHealth.json().has("details")) {
            violations.add("admin GET /health/readiness shows no details: " + adminHealth.raw().body());
        }
        List<String> requests = new ArrayList<>(GUARDED_READS.stream().map(p -> "GET " + p).toList());
        requests.addAll(GUARDED_WRITES);
        for (String request : requests) {
            String method = request.substring(0, request.indexOf(' '));
            String path = request.substring(request.indexOf(' ') + 1);
            String body = method.equals("GET") || method.equals("DELETE") ? null : "{\"configuredLevel\":\"DEBUG\"}";
            Api.Response anonymous = api.send(method, path, null, body);
            check(violations, "anonymous " + request, anonymous, List.of(401, 404, 405));
            for (String token : tenants) {
                check(violations, who(token) + " " + request, api.send(method, path, token, body), List.of(401, 403, 404, 405));
            }
            Api.Response asAdmin = api.send(method, path, admin, body);
            if (OFF_BY_DEFAULT.contains(request)) {
                check(violations, "admin " + request + " (off by default)", asAdmin, List.of(404, 405));
            } else if (asAdmin.status() >= 500) {
                violations.add("admin " + request + " -> " + asAdmin);
            } else if (asAdmin.status() >= 400) {
                check(violations, "admin " + request, asAdmin, List.of(asAdmin.status()));
            }
        }
        assertThat(violations).as("management surface violations").isEmpty();
    }

    /** No label of the Prometheus output carries any of {@code tenantValues} (team and user ids, resource ids, names). */
    public static void assertNoTenantDataInMetrics(Api api, List<String> tenantValues) {
        Api.Response metrics = api.get("/prometheus", null);
        assertThat(metrics.status()).isEqualTo(200);
        List<String> leaks = new ArrayList<>();
        for (String line : metrics.raw().body().lines().filter(l -> !l.startsWith("#")).toList()) {
            int brace = line.indexOf('{');
            if (brace < 0) {
                continue;
            }
            String labels = line.substring(brace, line.lastIndexOf('}') + 1);
            for (String value : tenantValues) {
                if (labels.contains(value)) {
                    leaks.add(value + " in " + line);
                }
            }
        }
        assertThat(leaks).as("tenant data in Prometheus labels").isEmpty();
    }

    private static void check(List<String> violations, String what, Api.Response r, List<Integer> allowed) {
        if (!allowed.contains(r.status())) {
            violations.add(what + " -> " + r.status() + " (allowed " + allowed + "): " + abbreviate(r.raw().body()));
            return;
        }
        if (r.status() >= 400) {
            String type = r.contentType() == null ? "" : r.contentType();
            if (!type.startsWith("application/problem+json")) {
                violations.add(what + " -> " + r.status() + " with content type '" + type + "', not problem+json");
                return;
            }
            JsonNode body = r.json();
            if (body.path("status").asInt() != r.status() || body.path("code").asText("").isBlank()) {
                violations.add(what + " -> a problem without a matching status or a code: " + abbreviate(r.raw().body()));
            }
        }
    }

    private static List<String> withAnonymous(List<String> tenants) {
        List<String> all = new ArrayList<>();
        all.add(null);
        all.addAll(tenants);
        return all;
    }

    private static String who(String token) {
        return token == null ? "anonymous" : "caller";
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
