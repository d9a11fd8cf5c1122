package io.patchbay.oauth.adapter.out.http;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.patchbay.kernel.secret.SecretScrubber;
import io.patchbay.oauth.application.port.out.TokenEndpoint;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The token endpoint calls, with the JDK's HTTP client: connect and request timeouts, redirects never followed (a 3xx is a
 * refusal naming the target host, so a token request with our client secret is never replayed to another host), bodies read
 * up to 64 KiB. A refusal carries only the provider's {@code error} and {@code error_description} (or the start of a non-JSON
 * body), with every secret value this request sent replaced by {@code [redacted]} by the kernel's one rule for text from a
 * remote system's answer ({@link SecretScrubber}: any case, URL-encoded, JSON-escaped, Base64). Nothing sent or received
 * is logged.
 */
@Singleton
class ProviderHttpClient implements TokenEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(ProviderHttpClient.class);
    static final int MAX_BODY = 64 * 1024;
    static final int MAX_ERROR_TEXT = 500;
    static final String REDACTED = SecretScrubber.REDACTED;

    private final HttpClient http;
    private final Duration requestTimeout;
    private final JsonMapper json;

    ProviderHttpClient(JsonMapper json, @Value("${patchbay.oauth.provider.connect-timeout:2s}") Duration connectTimeout,
                       @Value("${patchbay.oauth.provider.timeout:5s}") Duration requestTimeout) {
        this.json = json;
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Result clientCredentials(Client client, String scope) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        putIfPresent(form, "scope", scope);
        return post(client, form, List.of());
    }

    @Override
    public Result authorizationCode(Client client, String code, String redirectUri, String codeVerifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        putIfPresent(form, "code_verifier", codeVerifier);
        return post(client, form, nonNull(code, codeVerifier));
    }

    @Override
    public Result refresh(Client client, String refreshToken, String scope) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        putIfPresent(form, "scope", scope);
        return post(client, form, nonNull(refreshToken));
    }

    private Result post(Client client, Map<String, String> form, List<String> sentSecrets) {
        List<String> secrets = new ArrayList<>(sentSecrets);
        HttpRequest.Builder request;
        try {
            // a template regex may accept characters no URI allows (custom's token_uri: "https://idp/token|v2")
            request = HttpRequest.newBuilder(URI.create(client.tokenEndpoint()));
        } catch (IllegalArgumentException e) {
            return invalidEndpoint();
        }
        request.timeout(requestTimeout).header("Accept", "application/json").header("Content-Type", "application/x-www-form-urlencoded");
        switch (client.method()) {
            case CLIENT_SECRET_BASIC -> {
                // RFC 6749 2.3.1: each part form-urlencoded before Basic
                String basic = Base64.getEncoder().encodeToString((encode(client.clientId()) + ":" + encode(client.clientSecret()))
                        .getBytes(StandardCharsets.UTF_8));
                request.header("Authorization", "Basic " + basic);
                secrets.add(basic);
                secrets.add(client.clientSecret());
            }
            case CLIENT_SECRET_POST -> {
                form.put("client_id", client.clientId());
                form.put("client_secret", client.clientSecret());
                secrets.add(client.clientSecret());
            }
            case NONE -> form.put("client_id", client.clientId());
        }
        String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
        HttpResponse<InputStream> response;
        String text;
        try {
            response = http.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                text = new String(in.readNBytes(MAX_BODY), StandardCharsets.UTF_8);
            }
        } catch (HttpTimeoutException e) {
            return unreachable(client, "no answer within " + requestTimeout.toMillis() + " ms");
        } catch (ConnectException e) {
            return unreachable(client, "connection refused");
        } catch (IOException e) {
            return unreachable(client, "I/O error (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unreachable(client, "interrupted");
        } catch (IllegalArgumentException e) {
            return invalidEndpoint();
        }
        int status = response.statusCode();
        if (status >= 300 && status < 400) {
            String target = response.headers().firstValue("Location").map(ProviderHttpClient::hostOf).orElse("nowhere");
            return refused(status, "redirect_not_followed", "the token endpoint answered with a redirect (to " + target
                    + "); token requests never follow redirects", secrets);
        }
        Map<String, Object> fields = parse(text);
        if (status / 100 == 2 && fields.get("access_token") instanceof String accessToken && !accessToken.isBlank()) {
            return new Issued(accessToken, string(fields.get("token_type"), "Bearer"), number(fields.get("expires_in")),
                    string(fields.get("refresh_token"), null), string(fields.get("scope"), null));
        }
        if (fields.isEmpty()) {
            return refused(status, "invalid_response", text.isBlank() ? "an empty answer" : text, secrets);
        }
        return refused(status, string(fields.get("error"), status / 100 == 2 ? "invalid_response" : "error"),
                string(fields.get("error_description"), status / 100 == 2 ? "no access_token in the answer" : null), secrets);
    }

    private static Refused invalidEndpoint() {
        return new Refused(0, "invalid_token_endpoint", "the token endpoint is not a usable URL");
    }

    private Unreachable unreachable(Client client, String reason) {
        LOG.warn("token endpoint of {} unreachable: {}", hostOf(client.tokenEndpoint()), reason);
        return new Unreachable(reason);
    }

    static Refused refused(int status, String error, String description, List<String> secrets) {
        return new Refused(status, strip(error, secrets), strip(description, secrets));
    }

    /** The text with every secret scrubbed (SecretScrubber), then cut to {@value #MAX_ERROR_TEXT} characters. */
    static String strip(String text, List<String> secrets) {
        if (text == null) {
            return null;
        }
        String out = SecretScrubber.scrub(text, secrets);
        return out.length() > MAX_ERROR_TEXT ? out.substring(0, MAX_ERROR_TEXT) + "…" : out;
    }

    private Map<String, Object> parse(String text) {
        try {
            Map<String, Object> map = json.readValue(text.getBytes(StandardCharsets.UTF_8), Argument.mapOf(String.class, Object.class));
            return map == null ? Map.of() : map;
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }

    private static String hostOf(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? "a relative location" : host;
        } catch (IllegalArgumentException e) {
            return "an invalid location";
        }
    }

    private static String string(Object value, String fallback) {
        return value instanceof String s && !s.isBlank() ? s : fallback;
    }

    /** {@code expires_in}, kept within 0 … 68 years so that now + expires_in is always a time (a provider may answer anything). */
    static Long number(Object value) {
        Long seconds = switch (value) {
            case Number n -> n.longValue();
            case String s when s.matches("[0-9]{1,12}") -> Long.parseLong(s);
            case null, default -> null;
        };
        return seconds == null ? null : Math.clamp(seconds, 0L, Integer.MAX_VALUE);
    }

    private static void putIfPresent(Map<String, String> form, String key, String value) {
        if (value != null && !value.isBlank()) {
            form.put(key, value);
        }
    }

    private static List<String> nonNull(String... values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
