package io.patchbay.environment.api;

import io.patchbay.test.Api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Sends application/merge-patch+json bodies (test-support's Api always adds application/json). */
final class MergePatch {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private MergePatch() {
    }

    static Api.Response send(URI base, String path, String token, String body, String ifMatch) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/merge-patch+json").header("Authorization", "Bearer " + token);
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Api.Response(r.statusCode(), r);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
