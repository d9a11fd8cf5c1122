package io.patchbay.oauth.support;

import io.patchbay.test.Api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** test-support's {@link Api}, recording every response for the secret leak scan. Every oauth-service test talks through it. */
public final class RecordingApi {
    private final Api api;
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public RecordingApi(URI base) {
        this.api = new Api(base);
        this.base = base;
    }

    public Api.Response send(String method, String path, String token, String body, String... headers) {
        return record(method, path, api.send(method, path, token, body, headers));
    }

    private static Api.Response record(String method, String path, Api.Response r) {
        Captured.response(r.status() + " " + method + " " + path + " " + r.raw().headers().map() + "\n" + r.raw().body());
        return r;
    }

    public Api.Response get(String path, String token, String... headers) {
        return send("GET", path, token, null, headers);
    }

    public Api.Response post(String path, String token, String body, String... headers) {
        return send("POST", path, token, body, headers);
    }

    public Api.Response patch(String path, String token, String body, String... headers) {
        return send("PATCH", path, token, body, headers);
    }

    public Api.Response put(String path, String token, String body, String... headers) {
        return send("PUT", path, token, body, headers);
    }

    public Api.Response delete(String path, String token, String... headers) {
        return send("DELETE", path, token, null, headers);
    }

    /** A POST with an {@code application/x-www-form-urlencoded} body. */
    public Api.Response form(String path, String token, String body, String... headers) {
        return exchange("POST", base.resolve(path), token, body, "application/x-www-form-urlencoded", headers);
    }

    /** A GET of an absolute URL (a redirect's Location: the provider, the callback), redirects not followed. */
    public Api.Response getUrl(String url, String token) {
        return exchange("GET", URI.create(url), token, null, null);
    }

    private Api.Response exchange(String method, URI uri, String token, String body, String contentType, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (token != null) {
            b.header("Authorization", token.contains(" ") ? token : "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return record(method, uri.getPath(), new Api.Response(response.statusCode(), response));
        } catch (IOException e) {
            throw new AssertionError(method + " " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
