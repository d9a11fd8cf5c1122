package io.patchbay.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The limits every service puts on requests, checked the same way in each: body size whatever the encoding, rate limits. */
public final class RequestLimits {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RequestLimits() {
    }

    /**
     * A JSON body of {@code bytes} sent with {@code Transfer-Encoding: chunked} (no Content-Length) to {@code method path}
     * gets a problem+json 413 naming the body.
     */
    public static void assertChunkedBodyIsRefused(URI base, String method, String path, String authorization, int bytes) {
        byte[] body = new byte[bytes];
        Arrays.fill(body, (byte) ' ');
        body[0] = '{';
        body[bytes - 1] = '}';
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", authorization.contains(" ") ? authorization : "Bearer " + authorization)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        HttpResponse<String> response;
        try {
            response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " with a chunked body of " + bytes + " bytes got no answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).as("the 413's content type: " + response.headers().map())
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode problem = json(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(413);
        assertThat(problem.get("code").asText()).isEqualTo("payload_too_large");
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("body");
    }

    /**
     * {@code busy} sends {@code limit} requests to {@code path}, each counted down in {@code X-RateLimit-Remaining}; the
     * next one is a 429 problem with {@code Retry-After}; {@code calm} is not slowed (its own full window); {@code admin}
     * is not limited at all. The service must run with {@code patchbay.rate-limit.limit = limit} and a long window, and
     * neither token may have been used before.
     */
    public static void assertRateLimited(Api api, String path, String busy, String calm, String admin, int limit) {
        long started = Instant.now().getEpochSecond();
        for (int i = 1; i <= limit; i++) {
            Api.Response r = api.get(path, busy);
            assertThat(r.status()).as("request %d of %d: %s", i, limit, r).isLessThan(400);
            assertThat(r.header("X-RateLimit-Limit")).isEqualTo(Integer.toString(limit));
            assertThat(r.header("X-RateLimit-Remaining")).isEqualTo(Integer.toString(limit - i));
            assertThat(Long.parseLong(r.header("X-RateLimit-Reset"))).isGreaterThan(started);
        }
        Api.Response refused = api.get(path, busy);
        ProblemAssert.assertProblem(refused, 429, null);
        assertThat(refused.json().get("code").asText()).isEqualTo("rate_limited");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        assertThat(refused.header("X-RateLimit-Remaining")).isEqualTo("0");

        long calmStarted = System.nanoTime();
        Api.Response other = api.get(path, calm);
        assertThat(other.status()).as("another caller is not limited: %s", other).isLessThan(400);
        assertThat(other.header("X-RateLimit-Remaining")).isEqualTo(Integer.toString(limit - 1));
        assertThat(Duration.ofNanos(System.nanoTime() - calmStarted)).as("another caller is not slowed").isLessThan(Duration.ofSeconds(5));
        for (int i = 0; i <= limit; i++) {
            Api.Response r = api.get(path, admin);
            assertThat(r.status()).as("admins are not limited: %s", r).isNotEqualTo(429).isLessThan(500);
            assertThat(r.header("X-RateLimit-Limit")).isNull();
        }
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
