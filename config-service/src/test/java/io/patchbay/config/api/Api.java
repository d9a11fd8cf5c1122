package io.patchbay.config.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.patchbay.kernel.auth.TeamMembership;
import io.patchbay.kernel.auth.TeamRole;
import io.patchbay.kernel.infra.auth.TokenMinter;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** A plain HTTP client for the tests: raw bodies in, status/headers/JSON out, so malformed input can be sent as is. */
public final class Api {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    public Api(URI base) {
        this.base = base;
    }

    public record Response(int status, HttpResponse<String> raw) {
        public JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + raw.body(), e);
            }
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        @Override
        public String toString() {
            return status + " " + raw.body();
        }
    }

    public static String token(String user, Collection<TeamMembership> teams, boolean admin) {
        return TokenMinter.dev().mint(user, teams, admin ? Set.of("admin") : Set.of(), null, Duration.ofMinutes(30));
    }

    public static String token(String user, String team, TeamRole role) {
        return token(user, List.of(new TeamMembership(team, role)), false);
    }

    public static String admin() {
        return token("root", List.of(), true);
    }

    public Response send(String method, String path, String token, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", token.contains(" ") ? token : "Bearer " + token);
        }
        List<String> hs = new ArrayList<>(List.of(headers));
        for (int i = 0; i + 1 < hs.size(); i += 2) {
            b.header(hs.get(i), hs.get(i + 1));
        }
        try {
            HttpResponse<String> response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response);
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public Response get(String path, String token) {
        return send("GET", path, token, null);
    }

    public Response post(String path, String token, String body) {
        return send("POST", path, token, body);
    }
}
