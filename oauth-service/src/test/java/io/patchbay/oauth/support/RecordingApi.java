package io.patchbay.oauth.support;

import io.patchbay.test.Api;

import java.net.URI;

/** test-support's {@link Api}, recording every response for the secret leak scan. Every oauth-service test talks through it. */
public final class RecordingApi {
    private final Api api;

    public RecordingApi(URI base) {
        this.api = new Api(base);
    }

    public Api.Response send(String method, String path, String token, String body, String... headers) {
        Api.Response r = api.send(method, path, token, body, headers);
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
}
