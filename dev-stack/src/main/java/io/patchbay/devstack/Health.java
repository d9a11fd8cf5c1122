package io.patchbay.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Asks a service's Micronaut health endpoint how it is. */
final class Health {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** What {@code GET path} answered: no answer at all, or an HTTP status with the overall and per-component states. */
    record Report(boolean reachable, int httpStatus, String status, Map<String, String> components) {
        static final Report UNREACHABLE = new Report(false, 0, "DOWN", Map.of());

        boolean up() {
            return reachable && httpStatus == 200;
        }
    }

    private Health() {
    }

    static String baseUrl(int port) {
        return "http://localhost:" + port;
    }

    /** True when {@code GET /health} answers 200. */
    static boolean isUp(int port) {
        return check(port, "/health").up();
    }

    static Report check(int port, String path) {
        return check(port, path, null);
    }

    /** With an admin token the services show their components (database, Kafka); anonymous callers see the status only. */
    static Report check(int port, String path, String adminToken) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl(port) + path)).timeout(TIMEOUT).GET();
        if (adminToken != null) {
            builder.header("Authorization", "Bearer " + adminToken);
        }
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return parse(response.statusCode(), response.body());
        } catch (IOException e) {
            return Report.UNREACHABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Report.UNREACHABLE;
        }
    }

    /** Micronaut's health JSON: {@code {"status":"UP","details":{"jdbc":{"status":"UP",...},...}}}. */
    static Report parse(int httpStatus, String body) {
        String status = httpStatus == 200 ? "UP" : "DOWN";
        Map<String, String> components = new LinkedHashMap<>();
        try {
            JsonNode root = JSON.readTree(body);
            if (root != null && root.hasNonNull("status")) {
                status = root.get("status").asText();
            }
            JsonNode details = root == null ? null : root.get("details");
            if (details != null && details.isObject()) {
                details.properties().forEach(entry -> {
                    JsonNode componentStatus = entry.getValue().get("status");
                    if (componentStatus != null) {
                        components.put(entry.getKey(), componentStatus.asText());
                    }
                });
            }
        } catch (IOException | RuntimeException e) {
            // not JSON: the HTTP status says enough
        }
        return new Report(true, httpStatus, status, components);
    }
}
